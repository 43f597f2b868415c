/** ONNX LeakyRelu: x for x >= 0, alpha * x below (alpha 0.01 by default). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const leakyReluOp: OnnxOpRule = {
  opType: 'LeakyRelu',
  run: (inputs, node) => [tf.leakyRelu(input(inputs, 0, node), node.float('alpha', 0.01))],
};
