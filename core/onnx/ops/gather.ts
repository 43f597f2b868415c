/** ONNX Gather: slices along `axis` (0 by default) at the indices; negative indices count from the end. */
import * as tf from '@tensorflow/tfjs';
import { axisOf, input, intsOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const gatherOp: OnnxOpRule = {
  opType: 'Gather',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const idx = input(inputs, 1, node);
    const axis = axisOf(node.int('axis', 0), x.rank, node);
    const n = x.shape[axis];
    const fixed = intsOf(idx).map((i) => {
      const k = i < 0 ? i + n : i;
      if (k < 0 || k >= n) throw new RangeError(`${node.label}: index ${i} is out of range for a dimension of ${n}`);
      return k;
    });
    return [tf.gather(x, tf.tensor(fixed, idx.shape, 'int32'), axis)];
  },
};
