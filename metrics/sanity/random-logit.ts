/**
 * random-logit (Sixt et al. 2020, "When explanations lie"; as Quantus RandomLogit): the explanation of
 * the target class compared with the explanation of a randomly chosen other class of the same input.
 * An explanation that does not depend on the class it explains stays the same, so lower similarity is
 * better. The similarity lies in [0, 1] and counts a negated map as the same (sanitySimilarity in
 * metrics/common/similarity.ts).
 *
 * On two classes the check is degenerate in two cases, where the other class's output is a function of
 * the target's alone, so its explanation carries nothing about the class beyond a sign: probabilities
 * (p_other = 1 - p_target under a 2-class softmax) and a one-unit sigmoid model read as two classes
 * (core/model.ts gives it logits [-z/2, z/2], so the other logit is exactly the negation). Any
 * explainer linear in the explained function returns the negated map there; those samples are null.
 */
import { selectSamples, sizeOf } from '../../core/batch.js';
import { finiteOr, nullValue } from '../common/per-sample.js';
import { completed, reExplainRows, scorableSamples } from '../common/re-explain.js';
import { passRate, sanityVerdicts, thresholdParam } from './sanity-verdict.js';
import { SIMILARITY_UNDEFINED, checkSimilarity, sanitySimilarity, sanitySimilarityParam } from '../common/similarity.js';
import { streamSalt, streamsParam } from './explanation-streams.js';
import type { AttributionMetric, MetricValue } from '../types.js';
import type { Model, OutputKind } from '../../core/model.js';
import type { Rng } from '../../core/rng.js';

const ID = 'random-logit';

const params = {
  similarity: sanitySimilarityParam(
    'spearman-abs',
    'Default: Spearman of the magnitudes floored at 0, valid on every task (Adebayo et al. 2018); ssim (the measure of Quantus ' +
    'RandomLogit) for images.',
  ),
  threshold: thresholdParam,
  streams: streamsParam,
} as const;

/** A class other than `target`, uniformly among the other numClasses - 1. */
export function otherClass(target: number, numClasses: number, rng: Rng): number {
  return (target + 1 + rng.int(numClasses - 1)) % numClasses;
}

/**
 * Why the check is degenerate on this model and output (the other class's output is a function of the
 * target's alone), or null when it is not.
 */
export function degenerateReason(model: Model, output: OutputKind): string | null {
  if (model.numClasses !== 2) return null;
  const units = model.layered?.net.outputs[0].shape.at(-1);
  if (units === 1) {
    return (
      'degenerate check: a one-unit sigmoid model read as two classes has logits [-z/2, z/2], so the other class is the negation of the ' +
      'target by construction'
    );
  }
  if (output === 'probability') {
    return (
      "degenerate check: on two classes the other class's probability is 1 - p, so its explanation is the negation of the target's " +
      'by construction'
    );
  }
  return null;
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
    'sample). The similarity is in [0, 1] (default max(0, Spearman(|a|, |b|)); a sign flip counts as the same explanation). Lower is ' +
    'better: ' +
    '1 means the explanation ignores which class it explains. Null on two-class models where the other output is a function of the ' +
    "target's (explained probabilities: 1 - p; a one-unit sigmoid model: the negated logit), where the check cannot tell anything. " +
    'Details: the other class per sample and whether each sample passes (similarity < threshold).',
  reference:
    'Sixt, Granz & Landgraf 2020; similarity as Adebayo et al. 2018 (absolute maps). As Quantus RandomLogit (one random other class per ' +
    'input) except the similarity: Quantus takes SSIM of the max-normalised signed maps, flattened to 1-D (a 7-element window along the ' +
    'flattened image); we default to the Spearman of |a| (floored at 0) so that tabular tasks are covered, and our ssim is the 2-D ' +
    'windowed SSIM of min-max scaled |a| (floored at 0), both in [0, 1]. Size, with the gradient on the MNIST CNN (40 test digits, our ' +
    'code): our ssim averages 0.26, the Quantus form (1-D, signed, max-normalised) 0.17; the Spearman floor changed none of them (all ' +
    'above 0, mean 0.56). The degenerate-case nulls and the pass threshold are ours.',
  requires: ['model', 'explainer'],
  needsClasses: 'compares with the explanation of another class',
  params,
  async evaluate(ctx, input, p) {
    const s = scorableSamples(ctx, input, ID);
    const { batch } = input;
    checkSimilarity(p.similarity, ctx.task, batch.sampleShape, `metric ${ID}`);
    if (!s.explainer || s.scored.length === 0) return completed(s.values, ID);
    const degenerate = degenerateReason(ctx.engine.model, input.output);
    if (degenerate) {
      for (const i of s.scored) s.values[i] = nullValue(degenerate);
      return completed(s.values, ID);
    }
    const nc = ctx.engine.numClasses;
    const d = sizeOf(batch.sampleShape);
    // The scored inputs, in order: what is re-explained.
    const rows = selectSamples(batch, s.scored).data;
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
      const original = input.attributions.subarray(i * d, (i + 1) * d);
      const sim = sanitySimilarity(p.similarity, original, out.subarray(q * d, (q + 1) * d), batch.sampleShape);
      s.values[i] = sim === null ? nullValue(SIMILARITY_UNDEFINED) : finiteOr(sim, SIMILARITY_UNDEFINED);
    });
    const values: MetricValue[] = completed(s.values, ID);
    const verdicts = sanityVerdicts(values, p.threshold);
    const details = { otherClass: otherOf, threshold: p.threshold, passRate: passRate(verdicts), pass: verdicts, similarity: p.similarity };
    return { values, details };
  },
};
