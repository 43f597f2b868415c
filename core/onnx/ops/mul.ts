/** ONNX Mul: elementwise with NumPy broadcasting, as tf.mul. */
import * as tf from '@tensorflow/tfjs';
import { input, sameType } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const mulOp: OnnxOpRule = {
  opType: 'Mul',
  run(inputs, node) {
    const [a, b] = sameType(input(inputs, 0, node), input(inputs, 1, node));
    return [tf.mul(a, b)];
  },
};
