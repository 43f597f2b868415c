/** ONNX Concat along `axis` (required), of float tensors or of integer shape vectors. */
import * as tf from '@tensorflow/tfjs';
import { axisOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const concatOp: OnnxOpRule = {
  opType: 'Concat',
  check: (node) => (node.has('axis') ? null : 'the axis attribute is missing'),
  run(inputs, node) {
    const xs = inputs.filter((t): t is tf.Tensor => t !== null && t.size > 0);
    if (xs.length === 0) return [tf.clone(inputs.find((t) => t !== null)!)];
    const float = xs.some((t) => t.dtype === 'float32');
    const parts = float ? xs.map((t) => t.toFloat()) : xs;
    return [tf.concat(parts, axisOf(node.int('axis', 0), xs[0].rank, node))];
  },
};
