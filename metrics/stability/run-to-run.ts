/**
 * run-to-run: does the explainer give the same explanation of the same input when only its seed
 * changes? The mean pairwise similarity (Spearman by default) of `runs` re-explanations, each with its
 * own seeded stream. Exactly 1 for deterministic methods; below 1 it exposes sampling noise (LIME,
 * KernelSHAP, SmoothGrad), 0 in expectation for the random control.
 */
import { sizeOf } from '../../core/batch.js';
import { int } from '../../core/params.js';
import { finiteOr, nullValue } from '../common/per-sample.js';
import { completed, reExplainRows, scorableSamples } from '../common/re-explain.js';
import { SIMILARITY_UNDEFINED, checkSimilarity, similarity, similarityParam } from '../common/similarity.js';
import type { AttributionMetric } from '../types.js';

const ID = 'run-to-run';

const params = {
  runs: int({
    default: 5,
    min: 2,
    max: 1000,
    description: 're-explanations of each input, each with its own seed (salts seed-1..seed-runs)',
  }),
  similarity: similarityParam('spearman', 'Default: signed Spearman, as a rank agreement that ignores scale.'),
} as const;

function identical(a: Float32Array, b: Float32Array): boolean {
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

export const runToRun: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'stability',
  direction: 'higher',
  ideal: 1,
  chance: 0,
  description:
    'Mean, over all pairs of `runs` re-explanations of the same input under different seeds, of their similarity (Spearman by default). ' +
    '1 for deterministic explainers; lower values expose seed-dependence (LIME, KernelSHAP). Bit-identical runs count as 1 even when ' +
    'constant (where a correlation is undefined); otherwise null when a run is constant.',
  reference:
    'Reproducibility across seeds as studied for LIME and KernelSHAP (e.g. Visani et al. 2022, "Statistical stability indices for LIME"; ' +
    'Zhang et al. 2019, "Why should you trust my explanation?"); no peer toolkit ships it. Re-runs only (not the stored explanation), so ' +
    'that all runs are drawn alike.',
  requires: ['explainer'],
  params,
  async evaluate(ctx, input, p) {
    const s = scorableSamples(ctx, input, ID);
    const { batch } = input;
    checkSimilarity(p.similarity, ctx.task, batch.sampleShape, `metric ${ID}`);
    if (!s.explainer || s.scored.length === 0) return completed(s.values, ID);
    const d = sizeOf(batch.sampleShape);
    const sampleOf: number[] = [];
    const tags: string[] = [];
    const rows = new Float32Array(s.scored.length * p.runs * d);
    s.scored.forEach((i, q) => {
      for (let r = 0; r < p.runs; r++) {
        rows.set(batch.data.subarray(i * d, (i + 1) * d), (q * p.runs + r) * d);
        sampleOf.push(i);
        tags.push(`seed-${r + 1}`);
      }
    });
    const out = await reExplainRows(s.explainer, input, { rows, sampleOf, tags, salt: ID });
    s.scored.forEach((i, q) => {
      const run = (r: number) => out.subarray((q * p.runs + r) * d, (q * p.runs + r + 1) * d);
      let total = 0;
      let pairs = 0;
      for (let u = 0; u < p.runs; u++) {
        for (let v = u + 1; v < p.runs; v++) {
          const sim = identical(run(u), run(v)) ? 1 : similarity(p.similarity, run(u), run(v), batch.sampleShape);
          if (sim === null) {
            s.values[i] = nullValue(SIMILARITY_UNDEFINED);
            return;
          }
          total += sim;
          pairs++;
        }
      }
      s.values[i] = finiteOr(total / pairs, 'similarity is not finite');
    });
    return completed(s.values, ID);
  },
};
