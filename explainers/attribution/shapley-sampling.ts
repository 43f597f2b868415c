/**
 * Shapley value sampling (Castro et al. 2009, "Polynomial calculation of the Shapley value based on
 * sampling"; Captum's ShapleyValueSampling): for each of `samples` random orderings of the players, the
 * players are switched from the baseline to x one at a time and each gets the change of the target
 * logit it caused; a player's value is its mean change. Every ordering's changes telescope to
 * f(x) - f(baseline), so completeness is exact whatever the number of orderings. Players are tabular
 * features, or on images grid cells or SLIC superpixels across channels (as kernel-shap groups them), to
 * bound the cost: samples * (players + 1) forward passes per input. A group's value is spread evenly over
 * its elements.
 */
import type { TaskView } from '../../datasets/task.js';
import { sizeOf } from '../../core/batch.js';
import { int, num, oneOf, type ParamValues } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { type FeatureGroup, paintGroups, segmentGroups, segmentImage, singleElementGroups } from './feature-groups.js';
import { imageGeometry } from './image-geometry.js';
import { baselineInput, baselineParam } from './reference-input.js';
import { shapleySamplingCard, shapleySamplingDifferences } from './shapley-sampling.card.js';
import { type Stack, stackedTargetOutputs } from './stack.js';

const params = {
  samples: int({ default: 25, min: 1, max: 100000, description: "random orderings of the players per input; Captum's n_samples default: 25" }),
  baseline: baselineParam("what a player is switched from (Captum's default: zeros)"),
  grouping: oneOf(['grid', 'slic'] as const, 'grid', 'image pixel groups: square grid cells or SLIC superpixels, as kernel-shap'),
  cell: int({ default: 4, min: 1, max: 1024, description: 'grid cell side in pixels (grouping=grid)' }),
  segments: int({ default: 25, min: 2, max: 10000, description: 'approximate number of SLIC superpixels (grouping=slic)' }),
  compactness: num({ default: 0.1, min: 1e-6, max: 1e6, description: 'SLIC compactness on range-normalised intensities (grouping=slic)' }),
} as const;
type P = ParamValues<typeof params>;

function groupsOf(task: TaskView, x: Float32Array, sampleShape: readonly number[], p: P): FeatureGroup[] {
  if (task.kind === 'tabular') return singleElementGroups(sizeOf(sampleShape));
  const seg = segmentImage(x, sampleShape, p.grouping === 'grid' ? { method: 'grid', cell: p.cell } : { method: 'slic', segments: p.segments, compactness: p.compactness });
  return segmentGroups(seg, imageGeometry(sampleShape).channels);
}

/** One input's rows: per ordering, the baseline and then one more player switched to x per row. */
function orderingRows(x: Float32Array, base: Float32Array, groups: readonly FeatureGroup[], orders: readonly number[][]): Float32Array {
  const d = x.length;
  const m = groups.length;
  const out = new Float32Array(orders.length * (m + 1) * d);
  orders.forEach((order, s) => {
    const row = Float32Array.from(base);
    out.set(row, s * (m + 1) * d);
    order.forEach((j, step) => {
      for (const e of groups[j]) row[e] = x[e];
      out.set(row, (s * (m + 1) + step + 1) * d);
    });
  });
  return out;
}

export const shapleySamplingExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'shapley-sampling',
  family: 'attribution',
  description: 'Shapley value sampling: mean change of the target logit as each player joins, over random orderings.',
  needs: ['predict'],
  output: 'logit',
  deterministic: false,
  properties: ['completeness', 'dummy', 'linearity', 'implementation-invariance', 'saturation'],
  card: shapleySamplingCard,
  differences: shapleySamplingDifferences,
  params,
  explain({ ctx, batch, targets, sampleIds, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const base = baselineInput(ctx.task, p.baseline, d);
    const plans = Array.from({ length: batch.n }, (_, i) => {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const groups = groupsOf(ctx.task, x, batch.sampleShape, p);
      const rng = ctx.rng(sampleIds[i], 'shapley-sampling');
      const orders = Array.from({ length: p.samples }, () => rng.permutation(groups.length));
      return { x, groups, orders };
    });
    const stacks: Stack[] = plans.map((pl, i) => ({
      rows: pl.orders.length * (pl.groups.length + 1),
      target: targets[i],
      writesAll: true,
      fill: (out) => out.set(orderingRows(pl.x, base, pl.groups, pl.orders)),
    }));
    const f = stackedTargetOutputs(ctx.engine, batch.sampleShape, stacks, 'logit');
    const attributions = new Float32Array(batch.n * d);
    const reference = new Float32Array(batch.n);
    plans.forEach((pl, i) => {
      const m = pl.groups.length;
      const phi = new Float64Array(m);
      pl.orders.forEach((order, s) => order.forEach((j, step) => (phi[j] += f[i][s * (m + 1) + step + 1] - f[i][s * (m + 1) + step])));
      paintGroups(attributions, i * d, pl.groups, (j) => phi[j] / p.samples / pl.groups[j].length);
      reference[i] = f[i][0];
    });
    return { attributions, reference };
  },
};
