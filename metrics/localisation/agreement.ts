/**
 * Shared machinery of the ground-truth agreement metrics of OpenXAI (Agarwal et al. 2022, after Krishna
 * et al. 2022 "The disagreement problem"): feature-, rank-, sign-, signed-rank-agreement, rank
 * correlation and pairwise rank agreement. The explanation is compared with the true feature weights
 * (input.groundTruthWeights, signed, as they bear on the explained target; OpenXAI uses logistic-
 * regression coefficients with the sign flipped for class 0). Features are ranked by magnitude, ties by
 * feature index (OpenXAI: np.argsort on -|e|, whose tie order is unspecified).
 *
 * Only feature-agreement can use a 0/1 mask instead: a mask says which features matter, not their
 * order or sign, so the rank and sign metrics need the weights and are null without them.
 */
import { num } from '../../core/params.js';
import { checkGroundTruth, chanceDetails, maskOf, weightsOf } from './ground-truth.js';
import { attributionOf, attributionProblem, nullValue } from '../common/per-sample.js';
import { rankByAttribution } from '../common/perturbation-curve.js';
import type { AttributionInput, MetricEvaluation, MetricValue } from '../types.js';

export const agreementKParam = num({
  default: 0.25,
  min: 1e-9,
  max: 1,
  description: 'k, the number of top features compared, as a fraction of the features rounded up (OpenXAI k=0.25)',
});

/** OpenXAI's k: a fraction of the features, rounded up, at least 1. */
export function agreementK(d: number, fraction: number): number {
  return Math.min(d, Math.max(1, Math.ceil(fraction * d - 1e-9)));
}

/** Feature indices by decreasing magnitude (ties by index). */
export function byMagnitude(v: ArrayLike<number>): Int32Array {
  return rankByAttribution(v, 'absolute');
}

/**
 * Dense ranks of -|v| (1 = largest magnitude; equal magnitudes share a rank), as OpenXAI's
 * rankdata(-abs(v), method='dense').
 */
export function denseRanks(v: ArrayLike<number>): Int32Array {
  const order = byMagnitude(v);
  const ranks = new Int32Array(v.length);
  let rank = 0;
  let prev = NaN;
  for (const j of order) {
    const m = Math.abs(v[j]);
    if (m !== prev) rank++;
    ranks[j] = rank;
    prev = m;
  }
  return ranks;
}

export const NEEDS_WEIGHTS = 'needs signed ground-truth weights (a 0/1 mask has no feature order or sign)';

export interface AgreementScore {
  readonly value: MetricValue;
  readonly chance: number | null;
}

/**
 * Runs `score` per sample. `weights` is the sample's true weights; when the input has only a mask and
 * `maskOk`, the mask is passed as `mask` instead (weights null).
 */
export function scoreAgreement(
  input: AttributionInput,
  where: string,
  maskOk: boolean,
  score: (a: Float32Array, weights: Float32Array | null, mask: Uint8Array | null) => AgreementScore,
): MetricEvaluation {
  checkGroundTruth(input, where);
  const values: MetricValue[] = [];
  const chance: (number | null)[] = [];
  for (let i = 0; i < input.batch.n; i++) {
    const a = attributionOf(input, i);
    const w = weightsOf(input, i);
    const mask = w ? null : maskOf(input, i);
    const truthProblem = w
      ? (w.every(Number.isFinite) ? null : 'ground-truth weights are not finite')
      : maskOk ? (mask ? null : 'no ground truth was given') : NEEDS_WEIGHTS;
    const problem = attributionProblem(a) ?? truthProblem;
    const s: AgreementScore = problem ? { value: nullValue(problem), chance: null } : score(a, w, mask);
    values.push(s.value);
    chance.push(typeof s.value === 'number' ? s.chance : null);
  }
  return { values, details: chanceDetails(chance) };
}
