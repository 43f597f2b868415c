/**
 * DeepLIFT with the rescale rule (Shrikumar et al. 2017) on the target logit, against one reference
 * input (deeplift-rescale.ts). Completeness holds exactly, Σ attributions = f(x) - f(x0), for nets of
 * Dense/Conv2D layers, elementwise activations and average pooling; max pooling passes the multiplier
 * to the window's maximum on x (its gradient), where Captum rescales by the pooled difference, so the
 * sum can miss by the pooled part (card: differences).
 */
import { makeBatch, sizeOf } from '../../core/batch.js';
import type { AttributionExplainer } from '../types.js';
import { deepLiftAttributions } from './deeplift-rescale.js';
import { deepliftCard, deepliftDifferences } from './deeplift.card.js';
import { planFor } from './lrp/plan.js';
import { baselineInput, baselineParam } from './reference-input.js';
import { repeatRow } from './stack.js';

const params = {
  baseline: baselineParam("the reference input x0 (Captum's default: zeros)"),
} as const;

export const deepliftExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'deeplift',
  family: 'attribution',
  description: 'DeepLIFT (rescale rule): activation differences from a reference input propagated as multipliers to the target logit.',
  needs: ['gradients', 'layers'],
  output: 'logit',
  deterministic: true,
  properties: ['completeness', 'determinism'],
  card: deepliftCard,
  differences: deepliftDifferences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const base = baselineInput(ctx.task, p.baseline, d);
    const references = new Float32Array(batch.n * d);
    repeatRow(references, base, batch.n);
    const plan = planFor(ctx.engine.model, 'deeplift');
    const attributions = deepLiftAttributions(ctx.engine, plan, batch, targets, references);
    const reference = ctx.engine.targetOutputs(makeBatch(references, batch.sampleShape), targets, 'logit');
    return { attributions, reference };
  },
};
