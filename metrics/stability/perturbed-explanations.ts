/**
 * The shared first half of every stability metric: draw `samples` noisy copies of each input, keep
 * (optionally) only those whose predicted class is unchanged, and re-explain all kept copies of all
 * samples in one batched ReExplainer call. The metrics then differ only in the ratio they take per
 * copy (e.g. ||a - a'|| / ||x - x'||) and whether they keep its max or mean. Each copy is explained for
 * its sample's own target (OpenXAI explains a copy's predicted class, which sameClass makes the same as
 * x's), under the id `<sample id>#p<k>` and the metric's salt (or its shared stream's): a fresh seeded
 * stream per copy, so that a stochastic explainer's own noise counts as instability, as it does in the peers.
 */
import { sizeOf } from '../../core/batch.js';
import { bool, int } from '../../core/params.js';
import { addNoise, type NoiseKind } from './input-noise.js';
import { nullValue } from '../common/per-sample.js';
import { type Scorable, reExplainRows, scorableSamples } from '../common/re-explain.js';
import type { AttributionInput, MetricContext } from '../types.js';

export const samplesParam = (def: number, why: string) =>
  int({ default: def, min: 1, max: 10_000, description: `noisy copies of each input that are re-explained. ${why}` });

export const sameClassParam = (def: boolean, why: string) =>
  bool({
    default: def,
    description: `only copies whose predicted class (argmax) equals the input's count; the others are not re-explained. ${why}`,
  });

const ALL_CHANGED = 'every perturbation changed the predicted class';

export interface PerturbOptions {
  readonly samples: number;
  readonly noise: NoiseKind;
  readonly scale: number;
  readonly sameClass: boolean;
  /** Also return the logits of x and of each kept copy (ROS needs them). */
  readonly logits: boolean;
  /**
   * Names a perturbation scheme that several metrics share (e.g. max- and avg-sensitivity): the copies
   * are drawn from a stream keyed by this name instead of the metric, and re-explained under it as the
   * salt, so with equal noise settings the metrics see identical copies and explanations, and the
   * ReExplainer's cache explains them once. Without it the metric draws its own.
   */
  readonly stream?: string;
}

export interface PerturbedCopy {
  /** Index of the copy among the `samples` drawn (its tag is `p<index>`). */
  readonly index: number;
  readonly x: Float32Array;
  readonly attribution: Float32Array;
  readonly logits?: Float32Array;
}

export interface PerturbedSample {
  readonly copies: PerturbedCopy[];
  readonly logits?: Float32Array;
}

export interface Perturbed extends Scorable {
  /** For each scored sample (by index in the input) that has at least one kept copy. */
  readonly perturbed: Map<number, PerturbedSample>;
}

/** Perturbs and re-explains; samples with nothing left to compare get their null in `values`. */
export async function perturbAndReExplain(
  ctx: MetricContext,
  input: AttributionInput,
  metricId: string,
  o: PerturbOptions,
): Promise<Perturbed> {
  const s = scorableSamples(ctx, input, metricId);
  const perturbed = new Map<number, PerturbedSample>();
  if (!s.explainer || s.scored.length === 0) return { ...s, perturbed };
  const { batch } = input;
  const d = sizeOf(batch.sampleShape);
  const k = o.samples;

  // All noisy copies, sample-major; one stream per sample so a sample's noise does not depend on the batch.
  const noisy = new Float32Array(s.scored.length * k * d);
  const noiseRng = (sampleId: string) =>
    o.stream ? (ctx.sharedRng ?? ctx.rng)(sampleId, `noise/${o.stream}`) : ctx.rng(sampleId, 'noise');
  s.scored.forEach((i, q) => {
    const rng = noiseRng(input.sampleIds[i]);
    const x = batch.data.subarray(i * d, (i + 1) * d);
    for (let c = 0; c < k; c++) addNoise(x, noisy.subarray((q * k + c) * d, (q * k + c + 1) * d), rng, o.noise, o.scale);
  });

  // One forward call for the originals and every copy, when classes or logits are needed.
  let logits: Float32Array | null = null;
  const nc = ctx.engine.numClasses;
  const m = s.scored.length;
  if (o.sameClass || o.logits) {
    const rows = new Float32Array((m + m * k) * d);
    s.scored.forEach((i, q) => rows.set(batch.data.subarray(i * d, (i + 1) * d), q * d));
    rows.set(noisy, m * d);
    logits = ctx.engine.outputs({ n: m + m * k, sampleShape: batch.sampleShape, data: rows }, 'logit');
  }
  const logitsOf = (row: number) => (logits as Float32Array).subarray(row * nc, (row + 1) * nc);
  const argmax = (v: Float32Array) => v.reduce((best, x, j) => (x > v[best] ? j : best), 0);

  const keep: { q: number; c: number }[] = [];
  s.scored.forEach((i, q) => {
    const cls = o.sameClass ? argmax(logitsOf(q)) : -1;
    let kept = 0;
    for (let c = 0; c < k; c++) {
      if (o.sameClass && argmax(logitsOf(m + q * k + c)) !== cls) continue;
      keep.push({ q, c });
      kept++;
    }
    if (kept === 0) s.values[i] = nullValue(ALL_CHANGED);
  });

  const rows = new Float32Array(keep.length * d);
  keep.forEach(({ q, c }, r) => rows.set(noisy.subarray((q * k + c) * d, (q * k + c + 1) * d), r * d));
  const attributions = await reExplainRows(s.explainer, input, {
    rows,
    sampleOf: keep.map(({ q }) => s.scored[q]),
    tags: keep.map(({ c }) => `p${c}`),
    salt: o.stream ?? metricId,
  });

  keep.forEach(({ q, c }, r) => {
    const i = s.scored[q];
    let entry = perturbed.get(i);
    if (!entry) {
      entry = { copies: [], ...(o.logits ? { logits: logitsOf(q) } : {}) };
      perturbed.set(i, entry);
    }
    entry.copies.push({
      index: c,
      x: rows.subarray(r * d, (r + 1) * d),
      attribution: attributions.subarray(r * d, (r + 1) * d),
      ...(o.logits ? { logits: logitsOf(m + q * k + c) } : {}),
    });
  });
  return { ...s, perturbed };
}
