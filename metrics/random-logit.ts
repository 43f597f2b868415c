/**
 * random-logit (Sixt et al. 2020, "When explanations lie"; as Quantus RandomLogit): the explanation of
 * the target class compared with the explanation of a randomly chosen other class of the same input.
 * An explanation that does not depend on the class it explains stays the same, so lower similarity is
 * better.
 */
import { sizeOf } from '../harness/batch.js';
import { finiteOr, nullValue } from './per-sample.js';
import { completed, reExplainRows, scorableSamples } from './re-explain.js';
import { passRate, sanityVerdicts, thresholdParam } from './sanity-verdict.js';
import { SIMILARITY_UNDEFINED, checkSimilarity, similarity, similarityParam } from './similarity.js';
import { streamSalt, streamsParam } from './explanation-streams.js';
import type { AttributionMetric, MetricValue } from './types.js';
import type { Rng } from '../harness/rng.js';

const ID = 'random-logit';

const params = {
  similarity: similarityParam(
    'spearman',
    'Default signed Spearman, valid on every task (Quantus uses SSIM, offered here for images); signed because on two-class models the other ' +
      "class's logit is often the negation of the target's, and a negated explanation does depend on the class.",
  ),
  threshold: thresholdParam,
  streams: streamsParam,
} as const;

/** A class other than `target`, uniformly among the other numClasses - 1. */
export function otherClass(target: number, numClasses: number, rng: Rng): number {
  return (target + 1 + rng.int(numClasses - 1)) % numClasses;
}

export const randomLogit: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'sanity',
  direction: 'lower',
  ideal: 0,
  // A class-independent explanation (the input itself; the random control under shared streams) stays identical.
  chance: 1,
  description:
    'Similarity between the explanation of the target class and a re-explanation of the same input for a random other class (seeded per ' +
    'sample). Lower is better: 1 means the explanation ignores which class it explains; negative values (opposite explanations) also depend ' +
    'on the class. Details: the other class per sample and whether each sample passes (similarity < threshold).',
  reference:
    'Sixt, Granz & Landgraf 2020; as Quantus RandomLogit (one random other class per input; Quantus compares with SSIM, we default to signed ' +
    'Spearman so that tabular tasks are covered, SSIM is offered). The pass threshold is ours.',
  requires: ['model', 'explainer'],
  params,
  async evaluate(ctx, input, p) {
    const s = scorableSamples(ctx, input, ID);
    const { batch } = input;
    checkSimilarity(p.similarity, ctx.task, batch.sampleShape, `metric ${ID}`);
    if (!s.explainer || s.scored.length === 0) return completed(s.values, ID);
    const nc = ctx.engine.numClasses;
    const d = sizeOf(batch.sampleShape);
    const rows = new Float32Array(s.scored.length * d);
    s.scored.forEach((i, q) => rows.set(batch.data.subarray(i * d, (i + 1) * d), q * d));
    const others = Int32Array.from(s.scored, (i) => otherClass(input.targets[i], nc, ctx.rng(input.sampleIds[i], 'other-class')));
    const out = await reExplainRows(s.explainer, input, {
      rows,
      sampleOf: s.scored,
      tags: s.scored.map(() => ''),
      targets: others,
      salt: streamSalt(p.streams, ID),
    });
    const otherOf: (number | null)[] = new Array(batch.n).fill(null);
    s.scored.forEach((i, q) => {
      otherOf[i] = others[q];
      const sim = similarity(p.similarity, input.attributions.subarray(i * d, (i + 1) * d), out.subarray(q * d, (q + 1) * d), batch.sampleShape);
      s.values[i] = sim === null ? nullValue(SIMILARITY_UNDEFINED) : finiteOr(sim, SIMILARITY_UNDEFINED);
    });
    const values: MetricValue[] = completed(s.values, ID);
    const verdicts = sanityVerdicts(values, p.threshold);
    return { values, details: { otherClass: otherOf, threshold: p.threshold, passRate: passRate(verdicts), pass: verdicts, similarity: p.similarity } };
  },
};
