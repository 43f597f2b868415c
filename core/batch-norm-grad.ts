/**
 * A leaner gradient for FusedBatchNorm (BatchNormalization in inference), in place of tfjs's
 * (tfjs-core, gradients/FusedBatchNorm_grad.ts). tfjs's computes x - mean, dy * scale and
 * rsqrt(variance + eps)^3 for every call, though an input gradient needs none of them, and tiles
 * rsqrt(variance + eps) to the whole of x before multiplying; on the wasm backend the tile alone cost
 * more than the rest of the deeper MNIST CNN's gradient (tools/bench/results/gradient-profile.md).
 * Here every derivative is computed only when asked for, and dx multiplies dy by the per-channel
 * factor broadcast along the last axis: the same float32 products in the same order as tfjs's
 * (dy * rsqrt(variance + eps), then * scale), so dx is bit-identical (batch-norm-grad.test.ts).
 */
import * as tf from '@tensorflow/tfjs';

interface BatchNormAttrs {
  varianceEpsilon: number;
}

function gradFunc(dyIn: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap): Record<string, () => tf.Tensor> {
  const dy = dyIn as tf.Tensor;
  const { varianceEpsilon } = attrs as unknown as BatchNormAttrs;
  const [x, mean, variance, scale] = saved;
  const scaleValue = scale == null ? tf.scalar(1) : scale;
  const perChannel = mean.rank === 1;
  const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
  const rsqrtVar = (): tf.Tensor => tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
  const reduce = (t: tf.Tensor): tf.Tensor => tf.reshape(perChannel ? tf.sum(t, axes) : t, mean.shape);
  return {
    x: () => tf.reshape(tf.mul(tf.mul(dy, rsqrtVar()), scaleValue), x.shape),
    mean: () => reduce(tf.mul(tf.mul(rsqrtVar(), tf.scalar(-1)), tf.mul(dy, scaleValue))),
    variance: () => {
      const r = rsqrtVar();
      const minusHalfRCube = tf.mul(tf.mul(tf.mul(r, r), r), tf.scalar(-0.5));
      return reduce(tf.mul(tf.mul(minusHalfRCube, tf.sub(x, mean)), tf.mul(dy, scaleValue)));
    },
    scale: () => reduce(tf.mul(dy, tf.mul(tf.sub(x, mean), rsqrtVar()))),
    offset: () => reduce(dy),
  };
}

/** Registers the gradient for every backend (idempotent: registering again replaces it with itself). */
export function registerLeanBatchNormGradient(): void {
  tf.registerGradient({ kernelName: 'FusedBatchNorm', inputsToSave: ['x', 'mean', 'variance', 'scale'], gradFunc });
}
