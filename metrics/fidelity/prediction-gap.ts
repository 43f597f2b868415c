/**
 * The prediction gap shared by pgi and pgu (OpenXAI, Agarwal et al. 2022): perturb a set of features
 * with small Gaussian noise and measure the mean |f(x') - f(x)| of the explained class output.
 * PGI perturbs the explanation's top-k features by |a| (a faithful explanation names features that
 * matter: higher is better); PGU perturbs all the others (they should not matter: lower is better).
 * OpenXAI issue #28 asked whether its mask made PGI compute PGU; here the perturbed set is named
 * directly, `top-k` or `rest`, and the tests pin which is which on a model that uses one feature.
 */
import { sizeOf } from '../../core/batch.js';
import { int, num, oneOf, type ParamValues } from '../../core/params.js';
import { agreementK, byMagnitude } from '../localisation/agreement.js';
import { attributionOf, attributionProblem, checkInput, nullValue } from '../common/per-sample.js';
import type { AttributionInput, MetricContext, MetricValue } from '../types.js';

export const predictionGapParams = {
  k: num({
    default: 0.25,
    min: 1e-9,
    max: 1,
    description: 'top-k by |attribution|, k as a fraction of the input elements rounded up (OpenXAI k=0.25)',
  }),
  std: num({
    default: 0.1,
    min: 0,
    max: 100,
    description: 'standard deviation of the Gaussian noise, in model-input units (standardised features on tabular tasks; OpenXAI 0.1)',
  }),
  samples: int({ default: 100, min: 1, max: 100_000, description: 'perturbed copies per sample (OpenXAI n_samples=100)' }),
  output: oneOf(['probability', 'logit'], 'probability', 'model output of the explained class (OpenXAI: predicted probability)'),
} as const;
export type PredictionGapParams = ParamValues<typeof predictionGapParams>;

export type PerturbedSet = 'top-k' | 'rest';

/** The elements perturbed: the top-k by |a| (ties by index), or all the others. */
export function perturbedElements(a: ArrayLike<number>, k: number, which: PerturbedSet): Int32Array {
  const ranked = byMagnitude(a);
  return which === 'top-k' ? ranked.slice(0, k) : ranked.slice(k).sort();
}

function constantMagnitude(a: Float32Array): boolean {
  const m = Math.abs(a[0]);
  return a.every((v) => Math.abs(v) === m);
}

export function predictionGaps(
  ctx: MetricContext,
  input: AttributionInput,
  which: PerturbedSet,
  p: PredictionGapParams,
  where: string,
): MetricValue[] {
  checkInput(input, where);
  const { batch } = input;
  const d = sizeOf(batch.sampleShape);
  const k = agreementK(d, p.k);
  const per = p.samples + 1; // row 0 of each sample is x itself
  const values: MetricValue[] = new Array(batch.n);
  const scored: number[] = [];
  for (let i = 0; i < batch.n; i++) {
    const a = attributionOf(input, i);
    const noTopK = constantMagnitude(a) ? 'attribution magnitudes are all equal: no top-k' : null;
    const problem = attributionProblem(a) ?? noTopK ?? (which === 'rest' && k === d ? 'no elements outside the top-k' : null);
    if (problem) values[i] = nullValue(problem);
    else scored.push(i);
  }
  if (scored.length === 0) return values;

  const rows = new Float32Array(scored.length * per * d);
  const rowTargets = new Int32Array(scored.length * per);
  scored.forEach((i, s) => {
    const x = batch.data.subarray(i * d, (i + 1) * d);
    const perturbed = perturbedElements(attributionOf(input, i), k, which);
    // One stream per sample, so a sample's noise does not depend on which other samples are scored.
    const rng = ctx.rng(input.sampleIds[i], 'prediction-gap-noise');
    rowTargets.fill(input.targets[i], s * per, (s + 1) * per);
    for (let r = 0; r < per; r++) {
      const offset = (s * per + r) * d;
      rows.set(x, offset);
      if (r > 0) for (const j of perturbed) rows[offset + j] += p.std * rng.normal();
    }
  });
  const f = ctx.engine.targetOutputs({ n: scored.length * per, sampleShape: batch.sampleShape, data: rows }, rowTargets, p.output);
  scored.forEach((i, s) => {
    const fx = f[s * per];
    let gap = 0;
    for (let r = 1; r < per; r++) gap += Math.abs(f[s * per + r] - fx);
    gap /= p.samples;
    values[i] = Number.isFinite(gap) ? gap : nullValue('model output is not finite');
  });
  return values;
}
