/** ONNX Tanh. */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const tanhOp: OnnxOpRule = {
  opType: 'Tanh',
  run: (inputs, node) => [tf.tanh(input(inputs, 0, node))],
};
