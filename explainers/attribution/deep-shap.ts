/**
 * DeepSHAP (Lundberg & Lee 2017; shap's DeepExplainer, Captum's DeepLiftShap): DeepLIFT's rescale rule
 * (deeplift-rescale.ts) against each of `backgroundRows` rows drawn from the task's background data,
 * averaged. Each row's attributions sum to f(x) - f(row), so the average sums to f(x) - E[f(background)]
 * (reported as the reference), the expectation SHAP values are defined against.
 */
import { makeBatch, sizeOf } from '../../core/batch.js';
import { int } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { type BackgroundRows, drawBackgroundRows } from './background-rows.js';
import { deepLiftAttributions } from './deeplift-rescale.js';
import { deepShapCard, deepShapDifferences } from './deep-shap.card.js';
import { planFor } from './lrp/plan.js';
import { repeatRow } from './stack.js';

const params = {
  backgroundRows: int({
    default: 50,
    min: 1,
    max: 10000,
    description: "background rows averaged over (one gradient pass each); shap's examples use 100, Captum every baseline given",
  }),
} as const;

export const deepShapExplainer: AttributionExplainer<typeof params, BackgroundRows> = {
  api: 2,
  id: 'deep-shap',
  family: 'attribution',
  description: 'DeepSHAP: DeepLIFT (rescale rule) of the target logit averaged over rows of the background data.',
  needs: ['gradients', 'layers', 'training-data'],
  output: 'logit',
  // The background rows are a seeded draw: another seed, other rows (as for kernel-shap).
  deterministic: false,
  properties: ['completeness'],
  card: deepShapCard,
  differences: deepShapDifferences,
  params,
  fit: (ctx, p) => drawBackgroundRows(ctx, 'deep-shap', p.backgroundRows),
  explain({ ctx, batch, targets, state }) {
    if (!state) throw new Error('deep-shap: fit() must run before explain()');
    const d = sizeOf(batch.sampleShape);
    const nb = state.rows;
    const xs = new Float32Array(batch.n * nb * d);
    const refs = new Float32Array(batch.n * nb * d);
    const rowTargets = new Int32Array(batch.n * nb);
    for (let i = 0; i < batch.n; i++) {
      repeatRow(xs.subarray(i * nb * d, (i + 1) * nb * d), batch.data.subarray(i * d, (i + 1) * d), nb);
      refs.set(state.background, i * nb * d);
      rowTargets.fill(targets[i], i * nb, (i + 1) * nb);
    }
    const plan = planFor(ctx.engine.model, 'deep-shap');
    const each = deepLiftAttributions(ctx.engine, plan, makeBatch(xs, batch.sampleShape), rowTargets, refs);
    const fb = ctx.engine.targetOutputs(makeBatch(refs, batch.sampleShape), rowTargets, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const reference = new Float32Array(batch.n);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      let f0 = 0;
      for (let r = 0; r < nb; r++) {
        const at = (i * nb + r) * d;
        for (let k = 0; k < d; k++) acc[k] += each[at + k];
        f0 += fb[i * nb + r];
      }
      for (let k = 0; k < d; k++) attributions[i * d + k] = acc[k] / nb;
      reference[i] = f0 / nb;
    }
    return { attributions, reference };
  },
};
