/**
 * Small helpers every attribution metric shares: checking the input's shape, slicing one sample, and
 * turning a value that cannot be computed into a null with a reason (NaN is never returned).
 */
import { sizeOf } from '../../core/batch.js';
import type { AttributionInput, MetricValue } from '../types.js';

export function nullValue(reason: string): MetricValue {
  return { null: reason };
}

/** The value itself when finite, otherwise a null naming what went wrong. */
export function finiteOr(value: number, reason: string): MetricValue {
  return Number.isFinite(value) ? value : nullValue(reason);
}

export function isNull(v: MetricValue): v is { readonly null: string } {
  return typeof v !== 'number';
}

/** Number of input elements per sample. */
export function featureCount(input: AttributionInput): number {
  return sizeOf(input.batch.sampleShape);
}

/**
 * Checks that the parts of an AttributionInput agree in length. A mismatch is a bug in whoever built
 * the input (readers of user files check shapes and raise UserErrors themselves), hence RangeError.
 */
export function checkInput(input: AttributionInput, metricId: string): void {
  const { batch } = input;
  const n = batch.n;
  const problems: string[] = [];
  if (input.attributions.length !== batch.data.length) {
    problems.push(`attributions has ${input.attributions.length} values, batch ${batch.data.length}`);
  }
  if (input.targets.length !== n) problems.push(`targets has ${input.targets.length} entries for ${n} samples`);
  if (input.sampleIds.length !== n) problems.push(`sampleIds has ${input.sampleIds.length} entries for ${n} samples`);
  if (input.reference && input.reference.length !== n) problems.push(`reference has ${input.reference.length} entries for ${n} samples`);
  if (input.cost && input.cost.length !== n) problems.push(`cost has ${input.cost.length} entries for ${n} samples`);
  if (problems.length) throw new RangeError(`${metricId}: inconsistent input: ${problems.join('; ')}`);
}

/** Sample i's attribution, as a view. */
export function attributionOf(input: AttributionInput, i: number): Float32Array {
  const d = featureCount(input);
  return input.attributions.subarray(i * d, (i + 1) * d);
}

/** The reason a sample's attribution cannot be scored, or null when it can. */
export function attributionProblem(a: Float32Array): string | null {
  for (let j = 0; j < a.length; j++) if (!Number.isFinite(a[j])) return 'attribution has non-finite values';
  return null;
}

/**
 * Splits a batch into the samples a metric can score and those it cannot (a broken attribution gets a
 * null with the reason); `values` holds the nulls, the metric fills in the rest.
 */
export function scorableAttributions(input: AttributionInput): { values: MetricValue[]; scored: number[] } {
  const values: MetricValue[] = new Array(input.batch.n);
  const scored: number[] = [];
  for (let i = 0; i < input.batch.n; i++) {
    const problem = attributionProblem(attributionOf(input, i));
    if (problem) values[i] = nullValue(problem);
    else scored.push(i);
  }
  return { values, scored };
}

/**
 * One value per sample: `score` of its attribution, or a null for a broken attribution, or for a null
 * score (with `whyNull`). For metrics that read the attribution alone.
 */
export function scoreEachAttribution(
  input: AttributionInput,
  metricId: string,
  score: (a: Float32Array) => number | null,
  whyNull: string,
): MetricValue[] {
  checkInput(input, `metric ${metricId}`);
  return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
    const a = attributionOf(input, i);
    const problem = attributionProblem(a);
    if (problem) return nullValue(problem);
    return score(a) ?? nullValue(whyNull);
  });
}
