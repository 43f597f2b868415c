/**
 * faithfulness-correlation (Bhatt, Weller & Moura 2020): over random subsets S of the input elements,
 * does the attribution mass in S predict how much the output drops when S is set to the baseline?
 * Pearson(sum_{j in S} a_j, f(x) - f(x_S)) per sample; higher is better, a random attribution scores 0
 * in expectation.
 *
 * |S| is a fraction of the elements (Bhatt et al. fix one subset size per data set) kept within
 * [2, d - 1]: one element at a time would make the drop exactly what occlusion computes per feature, so
 * occlusion would score 1 by its own definition (on 4-7 feature tables a 20 % fraction rounds to 1), and
 * all d elements at once give the same drop every run (no variance).
 */
import { sizeOf } from '../../core/batch.js';
import type { OutputKind } from '../../core/model.js';
import { int, num, oneOf } from '../../core/params.js';
import { baselineParam, baselineRows, blurSigmaParam } from '../common/baselines.js';
import { pearson, standardDeviation } from '../../numeric/pearson.js';
import { attributionOf, checkInput, nullValue, scorableAttributions } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'faithfulness-correlation';

/**
 * Below these spreads a variance is rounding noise, not signal: attribution sums are float64 sums of
 * float32 values; model outputs come back in float32 (about 1e-7 relative resolution).
 */
const SUM_REL_TOL = 1e-12;
const OUTPUT_REL_TOL = 1e-6;

const params = {
  runs: int({ default: 100, min: 3, max: 100_000, description: 'number of random subsets per sample' }),
  subset: num({
    default: 0.2,
    min: 1e-9,
    max: 1,
    description:
      'subset size as a fraction of the input elements (rounded, then kept within 2 and d - 1: a single element is what occlusion ' +
      'computes)',
  }),
  output: oneOf(
    ['explainer', 'logit', 'probability'],
    'explainer',
    "model output compared: the explainer's declared output, or logit / probability",
  ),
  baseline: baselineParam,
  blurSigma: blurSigmaParam,
} as const;

export const TOO_FEW_ELEMENTS = 'fewer than 3 input elements: a subset is one element (occlusion) or all of them (no variance)';

/** Number of elements in each subset, in [2, d - 1]; null when d < 3 leaves no such size. */
export function subsetSize(d: number, fraction: number): number | null {
  if (d < 3) return null;
  return Math.min(d - 1, Math.max(2, Math.round(fraction * d)));
}

export const faithfulnessCorrelation: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  chance: 0,
  description:
    'Pearson correlation, over `runs` random subsets of `subset` x the input elements (at least 2, at most all but one) set to the ' +
    'baseline, between the attribution summed over the subset and the drop in the target output. Higher is better; null when either ' +
    'side does not vary or the input has fewer than 3 elements.',
  reference:
    'Bhatt, Weller & Moura 2020 ("Evaluating and aggregating feature-based model explanations"). Peers: Quantus ' +
    'FaithfulnessCorrelation (nr_runs=100, subset_size=224 elements absolute, black baseline, attributions normalised by the ' +
    'max over the whole batch), BEExAI FaithCorr (20 % of features, 20 runs, zero baseline). We take 100 runs as Quantus and ' +
    "a 20 % fraction as BEExAI (a fraction works for both tabular and image tasks), kept within [2, d - 1] so that a subset is never " +
    "a single feature (occlusion's own definition), the task's baseline, no normalisation " +
    '(Pearson is scale-invariant per sample, and batch-wide normalisation would couple samples), subsets seeded per sample id.',
  requires: ['model'],
  params,
  evaluate(ctx, input, p) {
    checkInput(input, `metric ${ID}`);
    const { batch } = input;
    const d = sizeOf(batch.sampleShape);
    const k = subsetSize(d, p.subset);
    if (k === null) return Array.from({ length: batch.n }, () => nullValue(TOO_FEW_ELEMENTS));
    const output: OutputKind = p.output === 'explainer' ? input.output : p.output;
    const base = baselineRows(ctx.task, batch, p.baseline, p.blurSigma, `metric ${ID}`);
    const per = p.runs + 1; // row 0 of each sample is x itself

    const { values, scored } = scorableAttributions(input);

    const rows = new Float32Array(scored.length * per * d);
    const rowTargets = new Int32Array(scored.length * per);
    const sums = scored.map(() => new Float64Array(p.runs));
    scored.forEach((i, s) => {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const b = base.subarray(i * d, (i + 1) * d);
      const a = attributionOf(input, i);
      const rng = ctx.rng(input.sampleIds[i], 'subsets');
      rows.set(x, s * per * d);
      rowTargets.fill(input.targets[i], s * per, (s + 1) * per);
      for (let r = 0; r < p.runs; r++) {
        const offset = (s * per + 1 + r) * d;
        rows.set(x, offset);
        // Summing in index order makes equal subsets give bit-identical sums.
        const subset = rng.sortedSample(d, k);
        let sum = 0;
        for (let t = 0; t < subset.length; t++) {
          const j = subset[t];
          rows[offset + j] = b[j];
          sum += a[j];
        }
        sums[s][r] = sum;
      }
    });

    if (scored.length > 0) {
      const f = ctx.engine.targetOutputs({ n: scored.length * per, sampleShape: batch.sampleShape, data: rows }, rowTargets, output);
      scored.forEach((i, s) => {
        const fx = f[s * per];
        const perturbed = f.subarray(s * per + 1, (s + 1) * per);
        if (!Number.isFinite(fx) || !perturbed.every(Number.isFinite)) {
          values[i] = nullValue('model output is not finite');
          return;
        }
        const drops = Float64Array.from(perturbed, (v) => fx - v);
        let outScale = Math.abs(fx);
        for (const v of perturbed) outScale = Math.max(outScale, Math.abs(v));
        let massScale = 0;
        for (const v of attributionOf(input, i)) massScale += Math.abs(v);
        if (standardDeviation(sums[s]) <= SUM_REL_TOL * massScale) {
          values[i] = nullValue('attribution sums do not vary across subsets (zero variance)');
        } else if (standardDeviation(drops) <= OUTPUT_REL_TOL * outScale) {
          values[i] = nullValue('model output does not change across subsets (zero variance)');
        } else {
          const r = pearson(sums[s], drops);
          values[i] = r ?? nullValue('zero variance');
        }
      });
    }
    return values;
  },
};
