/** ONNX Relu: max(x, 0). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const reluOp: OnnxOpRule = {
  opType: 'Relu',
  run: (inputs, node) => [tf.relu(input(inputs, 0, node))],
};
