/**
 * ONNX Reshape: the target shape is the second input (read on the host); 0 copies the input's
 * dimension there (allowzero=0, the default) and -1 is inferred.
 */
import { input, intsOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const reshapeOp: OnnxOpRule = {
  opType: 'Reshape',
  check: (node) => (node.int('allowzero', 0) !== 0 ? 'allowzero=1 is not supported' : null),
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const shape = intsOf(input(inputs, 1, node)).map((d, i) => (d === 0 ? x.shape[i] : d));
    return [x.reshape(shape)];
  },
};
