/**
 * mprt, the model parameter randomisation test (Adebayo et al. 2018, "Sanity checks for saliency
 * maps"), cascading from the top: the layers with weights are re-initialised one more at a time from
 * the output layer down, the input is re-explained on each partly randomised model, and the explanation
 * is compared with the original. An explanation that still looks the same once every weight is random
 * does not explain the model, so lower similarity is better. The similarity lies in [0, 1] and counts a
 * negated map as the same (metrics/common/similarity.ts, sanitySimilarity): a signed score let an explanation
 * that merely flips sign on the randomised model beat one that changed.
 */
import { oneOf } from '../../core/params.js';
import { selectSamples, sizeOf } from '../../core/batch.js';
import { finiteOr, nullValue } from '../common/per-sample.js';
import { completed, reExplainRows, scorableSamples } from '../common/re-explain.js';
import { passRate, sanityVerdicts, thresholdParam } from './sanity-verdict.js';
import { SIMILARITY_UNDEFINED, checkSimilarity, sanitySimilarity, sanitySimilarityParam } from '../common/similarity.js';
import { streamSalt, streamsParam } from './explanation-streams.js';
import type { AttributionMetric, MetricValue } from '../types.js';

const ID = 'mprt';

const params = {
  similarity: sanitySimilarityParam(
    'spearman-abs',
    "Default: Spearman of the magnitudes, floored at 0 (Adebayo et al.'s rank correlation of absolute maps; valid on every task); ssim " +
    "for " +
      "images. Measured with the gradient on the MNIST CNN (40 test digits): the magnitudes keep about half their rank order after full " +
      'randomisation (0.36 to 0.57, mean 0.50, at the threshold; the floor changed none of them), ssim 0.15, signed Spearman about 0.',
  ),
  threshold: thresholdParam,
  streams: streamsParam,
  cascade: oneOf(
    ['full', 'final-only'] as const,
    'full',
    'full: re-explain after each cascade stage (the similarity curve per layer, Adebayo et al.); final-only: only the fully randomised ' +
    'model (one re-explanation instead of one per layer, for budgets; the verdict is the same)',
  ),
} as const;

export const mprt: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'sanity',
  direction: 'lower',
  ideal: 0,
  // A model-independent explanation (the input itself; the random control under shared streams) stays identical.
  chance: 1,
  description:
    'Similarity between the explanation and the re-explanation on the fully randomised model, after cascading randomisation of every ' +
    'layer with weights from the output layer down (details: the mean similarity after each stage, the layers in order, and per sample ' +
    'whether it passes, i.e. similarity < threshold). The similarity is in [0, 1] (default max(0, Spearman(|a|, |b|)); a sign flip ' +
    'counts as the same explanation). Lower is better: 0 means unrelated to the original, 1 means the explanation ignores the weights.',
  reference:
    'Adebayo et al. 2018 (cascading randomisation, top-down; rank correlation of absolute maps, SSIM); as Quantus MPRT ' +
    '(layer_order=top_down, similarity_func=correlation_spearman, abs=True, scoring the fully randomised model; Quantus can also average ' +
    'over layers, here the curve is in the details) except that we floor the Spearman at 0 where Quantus keeps its sign (down to -1 when ' +
    'the magnitudes reverse order), and that our ssim is the 2-D windowed SSIM of min-max scaled |a| (Quantus does not offer SSIM for ' +
    'MPRT). Re-initialisation (Model.randomised): Glorot-uniform kernels, PyTorch-style uniform biases, seeded from the run seed. The ' +
    'pass threshold is ours (no peer declares one).',
  requires: ['model', 'explainer'],
  params,
  async evaluate(ctx, input, p) {
    const s = scorableSamples(ctx, input, ID);
    const { batch } = input;
    checkSimilarity(p.similarity, ctx.task, batch.sampleShape, `metric ${ID}`);
    if (!s.explainer || s.scored.length === 0) return completed(s.values, ID);
    const model = ctx.engine.model;
    const layers = [...model.weightedParts].reverse();
    if (layers.length === 0) {
      for (const i of s.scored) s.values[i] = nullValue('the model has no layers with weights to randomise');
      return completed(s.values, ID);
    }
    const seed = ctx.rng('model', 'randomise').nextUint32();
    const d = sizeOf(batch.sampleShape);
    // The scored inputs, in order: what is re-explained.
    const rows = selectSamples(batch, s.scored).data;
    const sampleOf = s.scored;
    const tags = s.scored.map(() => '');

    const curves: (number | null)[][] = s.scored.map(() => []);
    const meanSimilarity: (number | null)[] = [];
    const stages = p.cascade === 'full' ? layers.map((_, k) => k + 1) : [layers.length];
    for (const stage of stages) {
      const randomised = await model.randomised(seed, layers.slice(0, stage));
      let out: Float32Array;
      try {
        out = await reExplainRows(s.explainer, input, { rows, sampleOf, tags, salt: streamSalt(p.streams, ID), model: randomised });
      } finally {
        randomised.dispose();
      }
      let sum = 0;
      let count = 0;
      s.scored.forEach((i, q) => {
        const original = input.attributions.subarray(i * d, (i + 1) * d);
        const sim = sanitySimilarity(p.similarity, original, out.subarray(q * d, (q + 1) * d), batch.sampleShape);
        const v = sim !== null && Number.isFinite(sim) ? sim : null;
        curves[q].push(v);
        if (v !== null) {
          sum += v;
          count++;
        }
      });
      meanSimilarity.push(count ? sum / count : null);
    }

    s.scored.forEach((i, q) => {
      const last = curves[q][stages.length - 1];
      s.values[i] = last === null ? nullValue(SIMILARITY_UNDEFINED) : finiteOr(last, SIMILARITY_UNDEFINED);
    });
    const values: MetricValue[] = completed(s.values, ID);
    const verdicts = sanityVerdicts(values, p.threshold);
    return {
      values,
      details: {
        layers,
        stages: stages.map((k) => layers.slice(0, k).length),
        meanSimilarity,
        threshold: p.threshold,
        passRate: passRate(verdicts),
        pass: verdicts,
        similarity: p.similarity,
      },
    };
  },
};
