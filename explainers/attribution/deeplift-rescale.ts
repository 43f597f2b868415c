/**
 * DeepLIFT's rescale rule (Shrikumar et al. 2017, "Learning important features through propagating
 * activation differences"): a nonlinearity y = f(z) passes the multiplier (f(z) - f(z0)) / (z - z0),
 * with z0 its input on the reference, instead of f'(z); linear layers keep their weights as multipliers.
 * The chain rule on multipliers then gives (x - x0) * m with Σ = f(x) - f(x0) (summation-to-delta)
 * for nets of linear layers and elementwise nonlinearities. Where |z - z0| < 1e-10 the ordinary
 * derivative is used, as Captum's DeepLift does. Shared by deeplift and deep-shap.
 */
import * as tf from '@tensorflow/tfjs';
import { type Batch, sizeOf } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import type { Plan } from './lrp/plan.js';
import { type BackwardRule, modifiedGradients, type NonlinearityAt, planWeights, preActivations } from './modified-backward.js';

const EPS = 1e-10;

/** The rescale multiplier of one nonlinearity, from its input on x and on the reference. Call inside tf.tidy. */
function rescale(at: NonlinearityAt, z0: tf.Tensor): tf.Tensor {
  const f = (t: tf.Tensor) => at.layer.apply(t, { training: false }) as tf.Tensor;
  const dz = tf.sub(at.z, z0);
  const small = tf.less(tf.abs(dz), EPS);
  const local = tf.grad(f)(at.z);
  const ratio = tf.div(tf.sub(f(at.z), f(z0)), tf.where(small, tf.onesLike(dz), dz));
  return tf.where(small, local, ratio);
}

/**
 * (x - x0) * DeepLIFT multipliers of the target logit for every row, with row i's reference in
 * `references` (n * d values, shaped like the batch). Counted as two forward passes per row (the
 * reference and the input, for the nonlinearities' inputs) and one gradient pass.
 */
export function deepLiftAttributions(
  engine: Engine,
  plan: Plan,
  batch: Batch,
  targets: Int32Array,
  references: Float32Array,
): Float32Array {
  const d = sizeOf(batch.sampleShape);
  const multipliers = modifiedGradients(engine, plan, batch, targets, (x, start, m): BackwardRule => {
    const weights = planWeights(plan);
    const x0 = tf.tensor(references.subarray(start * d, (start + m) * d), x.shape);
    const onRef = preActivations(plan, weights, x0);
    const ratios = preActivations(plan, weights, x).map((at, k) => rescale(at, onRef[k].z));
    return (at) => (dy) => tf.mul(dy, ratios[at.index]);
  });
  engine.count({ forwardPasses: 2 * batch.n });
  for (let k = 0; k < multipliers.length; k++) multipliers[k] *= batch.data[k] - references[k];
  return multipliers;
}
