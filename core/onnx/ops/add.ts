/** ONNX Add: elementwise with NumPy broadcasting, as tf.add. */
import * as tf from '@tensorflow/tfjs';
import { input, sameType } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const addOp: OnnxOpRule = {
  opType: 'Add',
  run(inputs, node) {
    const [a, b] = sameType(input(inputs, 0, node), input(inputs, 1, node));
    return [tf.add(a, b)];
  },
};
