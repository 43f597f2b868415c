/**
 * ONNX Div: elementwise with NumPy broadcasting, as tf.div. Integer operands divide as tf.div does
 * (floor) where ONNX truncates; they differ on negative quotients, which shape plumbing does not have.
 */
import * as tf from '@tensorflow/tfjs';
import { input, sameType } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const divOp: OnnxOpRule = {
  opType: 'Div',
  run(inputs, node) {
    const [a, b] = sameType(input(inputs, 0, node), input(inputs, 1, node));
    return [tf.div(a, b)];
  },
};
