/** ONNX GlobalAveragePool: the mean over every spatial axis of NC..., kept as size-1 axes. */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const globalAveragePoolOp: OnnxOpRule = {
  opType: 'GlobalAveragePool',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const axes = x.shape.map((_, i) => i).slice(2);
    return [tf.mean(x, axes, true)];
  },
};
