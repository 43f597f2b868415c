/**
 * BatchNormalization in inference: y = (x - mean) * gamma / sqrt(variance + eps) + beta, so
 * dx = dy * rsqrt(variance + eps) * gamma, in that order, as core/batch-norm-grad.ts computes it for
 * the tape. The rule covers normalisation over the last axis, the only one the zoo and channels-last
 * images use.
 */
import * as tf from '@tensorflow/tfjs';
import { configOf, registerBackwardRule } from './rules.js';

/** What tfjs's BatchNormalization layer keeps (gamma and beta are absent without scale or center). */
export interface BatchNormParts {
  readonly gamma?: { read(): tf.Tensor } | null;
  readonly beta?: { read(): tf.Tensor } | null;
  readonly movingMean: { read(): tf.Tensor };
  readonly movingVariance: { read(): tf.Tensor };
  readonly epsilon: number;
}

/** Whether a BatchNormalization layer on inputs of this rank normalises the last axis. */
export function normalisesLastAxis(layer: tf.layers.Layer, rank: number): boolean {
  const axis = configOf(layer).axis;
  return axis === -1 || axis === rank - 1;
}

function refuses(layer: tf.layers.Layer): string | null {
  const rank = layer.inputSpec?.[0]?.ndim ?? (layer.input as tf.SymbolicTensor).shape.length;
  if (normalisesLastAxis(layer, rank)) return null;
  return `axis ${JSON.stringify(configOf(layer).axis)} (the rule covers the last axis)`;
}

registerBackwardRule('BatchNormalization', {
  refuses,
  backward(layer, pass, dy) {
    const bn = layer as unknown as BatchNormParts;
    const factor = tf.mul(dy, tf.rsqrt(tf.add(bn.movingVariance.read(), tf.scalar(bn.epsilon))));
    return bn.gamma == null ? factor : tf.mul(factor, bn.gamma.read());
  },
});
