/** ONNX Sigmoid: 1 / (1 + exp(-x)). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const sigmoidOp: OnnxOpRule = {
  opType: 'Sigmoid',
  run: (inputs, node) => [tf.sigmoid(input(inputs, 0, node))],
};
