/**
 * Explorative sampling considering generative boundaries (Jeon, Jeong & Choi, AAAI 2020; arXiv
 * 1912.05827): the smallest set of a generator layer's on/off boundaries that still reproduces the
 * query (relaxed-Bernoulli mask, Adam), and generated samples from the region those boundaries enclose,
 * gathered by an RRT that keeps every sample inside. Our reconstruction (generative-boundaries.md): the
 * paper's exact objective weights are not available, so every choice is a parameter (params.ts).
 */
import type { StructuredExplainer } from '../types.js';
import { generativeBoundariesCard } from './generative-boundaries.card.js';
import { explainExamples } from './explore.js';
import { examplesParams } from './params.js';
import type { GenerativeQuery } from './example-query.js';
import { examplesText } from './text.js';

export const generativeBoundaries: StructuredExplainer<typeof examplesParams, void, GenerativeQuery> = {
  api: 2,
  id: 'generative-boundaries',
  family: 'examples',
  description:
    'generated examples from the query\'s generative region: smallest boundary set by a Concrete mask, explored by an RRT (Jeon et al. ' +
    '2020)',
  needs: ['generator'],
  needsClasses: 'explores the region where the classifier keeps its class',
  output: 'probability',
  deterministic: false,
  params: examplesParams,
  card: generativeBoundariesCard,
  async explain({ ctx, batch, targets, sampleIds, params: p }) {
    const explanations = await explainExamples(ctx, batch, targets, sampleIds, p, 'rrt');
    return { explanations, text: explanations.map((e) => examplesText(e, ctx.task.classes)) };
  },
};
