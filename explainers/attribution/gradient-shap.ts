/**
 * GradientSHAP as Captum's GradientShap computes it (Lundberg & Lee 2017's expected gradients, Erion et
 * al. 2021): for each of `samples` draws, a background row b picked uniformly, the input with Gaussian
 * noise x~ = x + N(0, stdev^2), and alpha ~ U(0, 1); the attribution is the mean over draws of
 * grad f(b + alpha (x~ - b)) * (x~ - b). Its sum equals f(x) - E[f(background)] only in expectation.
 * Every draw comes from the sample's seeded stream, so results do not depend on chunking.
 */
import { makeBatch, sizeOf } from '../../core/batch.js';
import { int, num } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { type BackgroundRows, drawBackgroundRows } from './background-rows.js';
import { gradientShapCard, gradientShapDifferences } from './gradient-shap.card.js';
import { type Stack, stackedGradients } from './stack.js';

const params = {
  samples: int({ default: 5, min: 1, max: 100000, description: "draws per input (gradient passes per sample); Captum's n_samples default: 5" }),
  stdev: num({ default: 0, min: 0, max: 1e6, description: "sigma of the Gaussian noise added to the input, in input units; Captum's stdevs default: 0" }),
  backgroundRows: int({ default: 50, min: 1, max: 10000, description: 'background rows the baselines are drawn from' }),
} as const;

export const gradientShapExplainer: AttributionExplainer<typeof params, BackgroundRows> = {
  api: 2,
  id: 'gradient-shap',
  family: 'attribution',
  description: 'GradientSHAP: expected gradients between background rows and the (noised) input, at random points on the path.',
  needs: ['gradients', 'training-data'],
  output: 'logit',
  deterministic: false,
  properties: ['implementation-invariance'],
  card: gradientShapCard,
  differences: gradientShapDifferences,
  params,
  fit: (ctx, p) => drawBackgroundRows(ctx, 'gradient-shap', p.backgroundRows),
  explain({ ctx, batch, targets, sampleIds, params: p, state }) {
    if (!state) throw new Error('gradient-shap: fit() must run before explain()');
    const d = sizeOf(batch.sampleShape);
    const deltas: Float32Array[] = [];
    const stacks: Stack[] = [];
    for (let i = 0; i < batch.n; i++) {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const rng = ctx.rng(sampleIds[i], 'gradient-shap');
      const points = new Float32Array(p.samples * d);
      const delta = new Float32Array(p.samples * d);
      for (let s = 0; s < p.samples; s++) {
        const b = state.background.subarray(rng.int(state.rows) * d);
        const alpha = rng.next();
        for (let k = 0; k < d; k++) {
          const xn = p.stdev > 0 ? x[k] + p.stdev * rng.normal() : x[k];
          delta[s * d + k] = xn - b[k];
          points[s * d + k] = b[k] + alpha * (xn - b[k]);
        }
      }
      deltas.push(delta);
      stacks.push({ rows: p.samples, target: targets[i], writesAll: true, fill: (out) => out.set(points) });
    }
    const grads = stackedGradients(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      for (let s = 0; s < p.samples; s++) for (let k = 0; k < d; k++) acc[k] += grads[i][s * d + k] * deltas[i][s * d + k];
      for (let k = 0; k < d; k++) attributions[i * d + k] = acc[k] / p.samples;
    }
    const nb = state.rows;
    const all = new Float32Array(batch.n * nb * d);
    const rowTargets = new Int32Array(batch.n * nb);
    for (let i = 0; i < batch.n; i++) {
      all.set(state.background, i * nb * d);
      rowTargets.fill(targets[i], i * nb, (i + 1) * nb);
    }
    const fb = ctx.engine.targetOutputs(makeBatch(all, batch.sampleShape), rowTargets, 'logit');
    const reference = Float32Array.from({ length: batch.n }, (_, i) => fb.subarray(i * nb, (i + 1) * nb).reduce((a, v) => a + v, 0) / nb);
    return { attributions, reference };
  },
};
