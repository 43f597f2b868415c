/** ONNX Sub: elementwise with NumPy broadcasting, as tf.sub. */
import * as tf from '@tensorflow/tfjs';
import { input, sameType } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const subOp: OnnxOpRule = {
  opType: 'Sub',
  run(inputs, node) {
    const [a, b] = sameType(input(inputs, 0, node), input(inputs, 1, node));
    return [tf.sub(a, b)];
  },
};
