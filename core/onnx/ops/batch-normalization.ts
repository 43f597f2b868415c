/**
 * ONNX BatchNormalization at inference: (x - mean) / sqrt(var + epsilon) * scale + bias per channel
 * (axis 1), with the stored running statistics.
 */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const batchNormalizationOp: OnnxOpRule = {
  opType: 'BatchNormalization',
  check(node) {
    if (node.int('training_mode', 0) !== 0 || node.outputs.filter(Boolean).length > 1) {
      return 'training mode (running statistics as outputs) is not supported; export in eval mode';
    }
    return null;
  },
  run(inputs, node) {
    const x = input(inputs, 0, node);
    // [C] -> [1, C, 1, ...] so the per-channel parameters broadcast over NC...
    const perChannel = (i: number) => input(inputs, i, node).reshape([1, -1, ...x.shape.slice(2).map(() => 1)]);
    const [scale, bias, mean, variance] = [1, 2, 3, 4].map(perChannel);
    const inv = tf.rsqrt(variance.add(node.float('epsilon', 1e-5)));
    return [x.sub(mean).mul(inv.mul(scale)).add(bias)];
  },
};
