/**
 * ONNX Softmax. From opset 13 along one axis (default the last); before 13 the input is read as a 2-D
 * matrix split at `axis` (default 1) and normalised over the flattened trailing part.
 */
import * as tf from '@tensorflow/tfjs';
import { axisOf, input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const softmaxOp: OnnxOpRule = {
  opType: 'Softmax',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    if (node.opset >= 13) {
      const axis = axisOf(node.int('axis', -1), x.rank, node);
      if (axis === x.rank - 1) return [tf.softmax(x)];
      const perm = x.shape.map((_, i) => i);
      [perm[axis], perm[x.rank - 1]] = [perm[x.rank - 1], perm[axis]];
      return [tf.transpose(tf.softmax(tf.transpose(x, perm)), perm)];
    }
    const axis = axisOf(node.int('axis', 1), x.rank, node);
    const rows = x.shape.slice(0, axis).reduce((a, b) => a * b, 1);
    return [tf.softmax(x.reshape([rows, -1])).reshape(x.shape)];
  },
};
