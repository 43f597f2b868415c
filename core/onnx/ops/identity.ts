/** ONNX Identity: its input, unchanged. */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const identityOp: OnnxOpRule = {
  opType: 'Identity',
  run: (inputs, node) => [tf.clone(input(inputs, 0, node))],
};
