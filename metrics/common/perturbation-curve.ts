/**
 * The MoRF perturbation curves shared by deletion-auc and insertion-auc (Petsiuk et al. 2018, RISE;
 * Samek et al. 2017). Input elements are ranked by attribution; in `steps` equal fractions the top
 * elements are cumulatively replaced by the baseline (deletion) or restored from the input onto the
 * baseline (insertion), and the target class output is read at every point. Every point of every
 * sample goes through ONE engine call, so the engine's batching decides speed and memory.
 */
import { sizeOf } from '../../core/batch.js';
import { int, oneOf, type ParamValues } from '../../core/params.js';
import { baselineParam, baselineRows, blurSigmaParam } from './baselines.js';
import { attributionOf, attributionProblem, checkInput, nullValue } from './per-sample.js';
import type { AttributionInput, MetricContext, MetricValue } from '../types.js';

export const perturbationCurveParams = {
  steps: int({
    default: 20,
    min: 1,
    max: 100_000,
    description: 'number of equal fractions of the input elements (capped at the number of elements)',
  }),
  order: oneOf(['signed', 'absolute'], 'signed', 'ranking: signed = most positive first (MoRF), absolute = largest |attribution| first'),
  output: oneOf(['probability', 'logit'], 'probability', 'model output read along the curve, for the target class'),
  baseline: baselineParam,
  blurSigma: blurSigmaParam,
} as const;
export type PerturbationCurveParams = ParamValues<typeof perturbationCurveParams>;

export type CurveMode = 'deletion' | 'insertion';

/** One sample's curve: `fractions[k]` of the elements perturbed, target output `values[k]`. */
export interface Curve {
  readonly fractions: readonly number[];
  readonly values: readonly number[];
}
export type CurveOrNull = Curve | { readonly null: string };

/**
 * Indices of `a` from most to least relevant. Ties keep index order (deterministic whatever the sort
 * implementation), so a constant attribution perturbs elements in storage order.
 */
export function rankByAttribution(a: ArrayLike<number>, order: 'signed' | 'absolute'): Int32Array {
  const key = Float64Array.from(a, (v) => (order === 'absolute' ? Math.abs(v) : v));
  const idx = Array.from({ length: key.length }, (_, j) => j);
  idx.sort((p, q) => key[q] - key[p] || p - q);
  return Int32Array.from(idx);
}

/** How many elements are perturbed at each of the steps + 1 points: floor(k d / steps), ending at d. */
export function stepCounts(d: number, steps: number): number[] {
  const k = Math.min(steps, d);
  return Array.from({ length: k + 1 }, (_, s) => Math.floor((s * d) / k));
}

/** Area under a piecewise-linear curve by the trapezoid rule. */
export function trapezoidAuc(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let k = 1; k < x.length; k++) area += ((x[k] - x[k - 1]) * (y[k] + y[k - 1])) / 2;
  return area;
}

export function perturbationCurves(
  ctx: MetricContext,
  input: AttributionInput,
  mode: CurveMode,
  params: PerturbationCurveParams,
  where: string,
): CurveOrNull[] {
  checkInput(input, where);
  const { batch } = input;
  const d = sizeOf(batch.sampleShape);
  const counts = stepCounts(d, params.steps);
  const points = counts.length;
  const fractions = counts.map((c) => c / d);
  const base = baselineRows(ctx.task, batch, params.baseline, params.blurSigma, where);

  const results: CurveOrNull[] = new Array(batch.n);
  const scored: number[] = [];
  for (let i = 0; i < batch.n; i++) {
    const problem = attributionProblem(attributionOf(input, i));
    if (problem) results[i] = nullValue(problem) as CurveOrNull;
    else scored.push(i);
  }

  const rows = new Float32Array(scored.length * points * d);
  const rowTargets = new Int32Array(scored.length * points);
  scored.forEach((i, s) => {
    const x = batch.data.subarray(i * d, (i + 1) * d);
    const b = base.subarray(i * d, (i + 1) * d);
    const [from, to] = mode === 'deletion' ? [x, b] : [b, x];
    const ranked = rankByAttribution(attributionOf(input, i), params.order);
    const current = Float32Array.from(from);
    for (let k = 0; k < points; k++) {
      // Each point extends the previous one: the perturbation is cumulative.
      if (k > 0) for (let r = counts[k - 1]; r < counts[k]; r++) current[ranked[r]] = to[ranked[r]];
      rows.set(current, (s * points + k) * d);
      rowTargets[s * points + k] = input.targets[i];
    }
  });

  if (scored.length > 0) {
    const perturbed = { n: scored.length * points, sampleShape: batch.sampleShape, data: rows };
    const y = ctx.engine.targetOutputs(perturbed, rowTargets, params.output);
    scored.forEach((i, s) => {
      const values = Array.from(y.subarray(s * points, (s + 1) * points));
      results[i] = values.every(Number.isFinite) ? { fractions, values } : (nullValue('model output is not finite') as CurveOrNull);
    });
  }
  return results;
}

/** The per-sample AUCs of `perturbationCurves`. */
export function curveAucs(curves: readonly CurveOrNull[]): MetricValue[] {
  return curves.map((c) => ('null' in c ? c : trapezoidAuc(c.fractions, c.values)));
}
