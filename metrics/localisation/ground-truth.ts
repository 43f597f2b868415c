/**
 * Ground-truth access shared by the localisation metrics: a sample's 0/1 mask or signed true weights,
 * the reasons a sample cannot be scored (no ground truth, an empty or full mask: Quantus returns NaN
 * there; we return a null that says why), and the per-sample loop that records each sample's chance
 * level beside its value, since for most localisation metrics chance depends on the mask.
 */
import { attributionOf, attributionProblem, checkInput, featureCount, nullValue } from '../common/per-sample.js';
import type { AttributionInput, MetricEvaluation, MetricValue } from '../types.js';

/** Sample i's mask, or null when the input carries none. */
export function maskOf(input: AttributionInput, i: number): Uint8Array | null {
  if (!input.groundTruth) return null;
  const d = featureCount(input);
  return input.groundTruth.subarray(i * d, (i + 1) * d);
}

/** Sample i's signed true weights, or null when the input carries none. */
export function weightsOf(input: AttributionInput, i: number): Float32Array | null {
  if (!input.groundTruthWeights) return null;
  const d = featureCount(input);
  return input.groundTruthWeights.subarray(i * d, (i + 1) * d);
}

export function checkGroundTruth(input: AttributionInput, where: string): void {
  checkInput(input, where);
  const len = input.batch.data.length;
  if (input.groundTruth && input.groundTruth.length !== len) {
    throw new RangeError(`${where}: groundTruth has ${input.groundTruth.length} values, batch ${len}`);
  }
  if (input.groundTruthWeights && input.groundTruthWeights.length !== len) {
    throw new RangeError(`${where}: groundTruthWeights has ${input.groundTruthWeights.length} values, batch ${len}`);
  }
}

/** Number of relevant elements. */
export function maskSize(mask: Uint8Array): number {
  let k = 0;
  for (let j = 0; j < mask.length; j++) if (mask[j]) k++;
  return k;
}

/** Why a mask cannot measure localisation: nothing to find, or nothing to miss. */
function maskProblem(mask: Uint8Array): string | null {
  const k = maskSize(mask);
  if (k === 0) return 'ground-truth mask is empty';
  if (k === mask.length) return 'ground-truth mask covers every element';
  return null;
}

/** A sample's value and the value a random attribution would get on that sample (null: no closed form). */
export interface ScoredSample {
  readonly value: MetricValue;
  readonly chance: number | null;
}

/**
 * Runs `score` on every sample with a finite attribution and a usable mask. The result's details carry
 * the per-sample chance level and its mean over the scored samples.
 */
export function scoreAgainstMasks(
  input: AttributionInput,
  where: string,
  score: (a: Float32Array, mask: Uint8Array, i: number) => ScoredSample,
): MetricEvaluation {
  checkGroundTruth(input, where);
  const values: MetricValue[] = [];
  const chance: (number | null)[] = [];
  for (let i = 0; i < input.batch.n; i++) {
    const a = attributionOf(input, i);
    const mask = maskOf(input, i);
    const problem = attributionProblem(a) ?? (mask ? maskProblem(mask) : 'no ground-truth mask was given');
    if (problem) {
      values.push(nullValue(problem));
      chance.push(null);
      continue;
    }
    const s = score(a, mask!, i);
    values.push(s.value);
    chance.push(typeof s.value === 'number' ? s.chance : null);
  }
  return { values, details: chanceDetails(chance) };
}

export function chanceDetails(chance: readonly (number | null)[]): Record<string, unknown> {
  const known = chance.filter((c): c is number => c !== null);
  return { chance, meanChance: known.length ? known.reduce((s, c) => s + c, 0) / known.length : null };
}

/** The ranking key of an attribution: the value itself or its magnitude. */
export type RankBy = 'signed' | 'absolute';
export function rankKey(a: ArrayLike<number>, by: RankBy): Float64Array {
  return Float64Array.from(a, (v) => (by === 'absolute' ? Math.abs(v) : v));
}
