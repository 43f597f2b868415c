/**
 * BatchNormalization canonisation (zennit's SequentialMergeBatchNorm; docs/explainers.md, LRP): a BN that
 * directly follows a Dense or Conv2D with linear activation is folded into it,
 *   W' = W · γ/√(var + ε)   (per output channel)
 *   b' = (b − μ) · γ/√(var + ε) + β,
 * after which the BN is the identity and the LRP rules see one linear layer. A BN anywhere else (first
 * layer, after pooling or after a non-linear activation) cannot be folded backwards and is refused by
 * the plan with a message naming it.
 */
import * as tf from '@tensorflow/tfjs';

export interface ScaleShift {
  /** γ/√(var + ε), one per channel. */
  readonly scale: tf.Tensor1D;
  /** β − μ·scale, one per channel. */
  readonly shift: tf.Tensor1D;
}

/** Weight of `layer` whose variable name ends in `/suffix`, or null (center/scale may be off). */
function weightNamed(layer: tf.layers.Layer, suffix: string): tf.Tensor | null {
  const i = layer.weights.findIndex((w) => w.originalName.endsWith(`/${suffix}`) || w.name.endsWith(`/${suffix}`));
  return i < 0 ? null : layer.getWeights()[i];
}

/** The inference-mode affine map of a BatchNormalization layer. Call inside tf.tidy. */
export function batchNormScaleShift(layer: tf.layers.Layer): ScaleShift {
  const cfg = layer.getConfig() as { epsilon?: number };
  const mean = weightNamed(layer, 'moving_mean');
  const variance = weightNamed(layer, 'moving_variance');
  if (!mean || !variance) throw new Error(`BatchNormalization '${layer.name}' has no moving statistics`);
  const gamma = weightNamed(layer, 'gamma') ?? tf.onesLike(mean);
  const beta = weightNamed(layer, 'beta') ?? tf.zerosLike(mean);
  const scale = tf.div(gamma, tf.sqrt(tf.add(variance, cfg.epsilon ?? 1e-3))) as tf.Tensor1D;
  const shift = tf.sub(beta, tf.mul(mean, scale)) as tf.Tensor1D;
  return { scale, shift };
}

/** Folds a BN's affine map into the kernel (output channels on the last axis) and bias. */
export function foldBatchNorm(kernel: tf.Tensor, bias: tf.Tensor | null, bn: ScaleShift): { kernel: tf.Tensor; bias: tf.Tensor } {
  const folded = tf.mul(kernel, bn.scale);
  const b = bias ? tf.add(tf.mul(bias, bn.scale), bn.shift) : bn.shift;
  return { kernel: folded, bias: b };
}
