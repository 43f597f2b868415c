/**
 * Shared plumbing for metrics that re-run the explainer under test: which samples can be scored at all,
 * and one batched re-explanation of many rows (perturbed copies, re-runs, other targets) in a single
 * ReExplainer call. Each row is explained under the id `<sample id>#<tag>`, so every perturbed copy or
 * re-run draws its own seeded stream, distinct across samples, rows and (through the salt) metrics.
 */
import type { Batch } from '../../core/batch.js';
import type { Model } from '../../core/model.js';
import { attributionOf, attributionProblem, checkInput, nullValue } from './per-sample.js';
import type { AttributionInput, MetricContext, MetricValue, ReExplainer } from '../types.js';

export const NO_EXPLAINER = 'needs the explainer under test (explanations read from a file cannot be re-run)';

export interface Scorable {
  /** One slot per sample: a null with its reason, or undefined while it is still to be computed. */
  readonly values: (MetricValue | undefined)[];
  /** Indices of the samples to compute. */
  readonly scored: number[];
  readonly explainer: ReExplainer | null;
}

/** Checks the input, nulls samples whose attribution is broken, and all of them without an explainer. */
export function scorableSamples(ctx: MetricContext, input: AttributionInput, metricId: string): Scorable {
  checkInput(input, `metric ${metricId}`);
  const values: (MetricValue | undefined)[] = new Array(input.batch.n).fill(undefined);
  const scored: number[] = [];
  for (let i = 0; i < input.batch.n; i++) {
    const problem = attributionProblem(attributionOf(input, i));
    if (problem) values[i] = nullValue(problem);
    else if (!ctx.explainer) values[i] = nullValue(NO_EXPLAINER);
    else scored.push(i);
  }
  return { values, scored, explainer: ctx.explainer ?? null };
}

/** Every slot filled (a slot left undefined is a bug in the metric). */
export function completed(values: readonly (MetricValue | undefined)[], metricId: string): MetricValue[] {
  return values.map((v, i) => {
    if (v === undefined) throw new Error(`metric ${metricId}: no value computed for sample ${i}`);
    return v;
  });
}

export interface ReExplainRows {
  /** rows.length = sampleOf.length * d: the inputs to explain. */
  readonly rows: Float32Array;
  /** For each row, the index (in `input`) of the sample it derives from. */
  readonly sampleOf: readonly number[];
  /** For each row, the suffix of its sample id (e.g. 'p3', 'seed-2'); '' keeps the sample's own id. */
  readonly tags: readonly string[];
  /** For each row, the class to explain (default: its sample's target). */
  readonly targets?: Int32Array;
  readonly salt: string;
  readonly model?: Model;
}

/** One ReExplainer call for all rows; attributions come back shaped like `rows`. */
export async function reExplainRows(explainer: ReExplainer, input: AttributionInput, r: ReExplainRows): Promise<Float32Array> {
  const m = r.sampleOf.length;
  if (r.tags.length !== m || (r.targets && r.targets.length !== m)) {
    throw new RangeError('reExplainRows: sampleOf, tags and targets differ in length');
  }
  if (m === 0) return new Float32Array(0);
  const batch: Batch = { n: m, sampleShape: input.batch.sampleShape, data: r.rows };
  const targets = r.targets ?? Int32Array.from(r.sampleOf, (i) => input.targets[i]);
  const ids = r.sampleOf.map((i, k) => (r.tags[k] === '' ? input.sampleIds[i] : `${input.sampleIds[i]}#${r.tags[k]}`));
  const out = await explainer.explain(batch, targets, ids, { salt: r.salt, ...(r.model ? { model: r.model } : {}) });
  if (out.length !== r.rows.length) throw new Error(`explainer ${explainer.id} returned ${out.length} values for ${r.rows.length}`);
  return out;
}
