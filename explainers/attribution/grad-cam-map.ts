/**
 * Grad-CAM's map (Selvaraju et al. 2017, "Grad-CAM: visual explanations from deep networks via
 * gradient-based localization"): at a Conv2D layer with output A (h' x w' x K), the weight of channel k
 * is the spatial mean of d logit_target / d A_k, the map is ReLU(Σ_k alpha_k A_k), and it is upsampled
 * to the input's height and width bilinearly as the paper does (half-pixel centres, PyTorch's
 * align_corners=False). The forward pass is LRP's layer plan (lrp/plan.ts), split at the layer.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../core/batch.js';
import { type Engine, targetMask } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import { type Plan, planFor } from './lrp/plan.js';
import { forwardPlan, planWeights } from './modified-backward.js';

/** The index of the plan step of Conv2D layer `layer` ('' = the last Conv2D), or a UserError. */
function convStepIndex(plan: Plan, layer: string, method: string, source: string): number {
  const convs = plan.steps.flatMap((s, i) => (s.kind === 'linear' && s.op.kind === 'Conv2D' ? [{ i, name: s.name }] : []));
  if (convs.length === 0) {
    throw new UserError(`${method}: ${source} has no Conv2D layer; Grad-CAM weighs the feature maps of a convolutional layer, so it needs a CNN`);
  }
  if (layer === '') return convs[convs.length - 1].i;
  const found = convs.find((c) => c.name === layer);
  if (!found) throw new UserError(`${method}.layer=${layer}: no Conv2D layer named '${layer}' (Conv2D layers: ${convs.map((c) => c.name).join(', ')})`);
  return found.i;
}

/**
 * The Grad-CAM map of every row at input resolution: n * height * width values. Counted as one gradient
 * pass per row.
 */
export function gradCamMaps(engine: Engine, batch: Batch, targets: Int32Array, layer: string, method: string): Float32Array {
  const plan = planFor(engine.model, method);
  const at = convStepIndex(plan, layer, method, engine.model.source);
  const [h, w] = batch.sampleShape;
  const d = batch.sampleShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(batch.n * h * w);
  for (let start = 0; start < batch.n; start += engine.batchSize) {
    const m = Math.min(engine.batchSize, batch.n - start);
    const cam = tf.tidy(() => {
      const weights = planWeights(plan);
      const x = tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape]);
      // targetMask: a one-output score has one column, which tf.oneHot refuses (core/engine.ts).
      const mask = targetMask(targets.subarray(start, start + m), engine.numClasses);
      const a = forwardPlan(plan, weights, x, undefined, 0, at + 1) as tf.Tensor4D;
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(forwardPlan(plan, weights, t, undefined, at + 1), mask)))(a);
      const alpha = tf.mean(g, [1, 2], true);
      const map = tf.relu(tf.sum(tf.mul(alpha, a), 3, true)) as tf.Tensor4D;
      return tf.image.resizeBilinear(map, [h, w], false, true);
    });
    out.set(cam.dataSync(), start * h * w);
    cam.dispose();
  }
  engine.count({ gradientPasses: batch.n });
  return out;
}
