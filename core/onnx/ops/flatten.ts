/** ONNX Flatten: a 2-D matrix [prod(dims before axis), prod(dims from axis)] (axis 1 by default). */
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const flattenOp: OnnxOpRule = {
  opType: 'Flatten',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const raw = node.int('axis', 1);
    const axis = raw < 0 ? raw + x.rank : raw;
    if (axis < 0 || axis > x.rank) throw new RangeError(`${node.label}: axis ${raw} is out of range for rank ${x.rank}`);
    const rows = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    return [x.reshape([rows, -1])];
  },
};
