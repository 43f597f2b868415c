/**
 * The baseline of Jeon, Jeong & Choi (2020): samples drawn uniformly in an L2 ball around the query
 * latent with no regard to generative boundaries. By default its radius is matched per query so the
 * samples' mean latent distance equals generative-boundaries' (same parameters), which this explainer
 * recomputes with the same parameters on its own random streams (ExplainContext gives an explainer
 * only its own streams), so the match is exact to that run and in distribution to generative-
 * boundaries' samples; its cost includes that search.
 */
import type { StructuredExplainer } from '../types.js';
import { epsilonBallCard } from './epsilon-ball.card.js';
import { explainExamples } from './explore.js';
import { epsilonBallParams } from './params.js';
import type { GenerativeQuery } from './example-query.js';
import { examplesText } from './text.js';

export const epsilonBall: StructuredExplainer<typeof epsilonBallParams, void, GenerativeQuery> = {
  api: 2,
  id: 'epsilon-ball',
  family: 'examples',
  description:
    'generated examples from latents uniform in an L2 ball around the query, radius matched to generative-boundaries\' mean distance ' +
    '(the paper\'s baseline)',
  needs: ['generator'],
  needsClasses: 'samples around the input and reports where the classifier keeps its class',
  output: 'probability',
  deterministic: false,
  params: epsilonBallParams,
  card: epsilonBallCard,
  async explain({ ctx, batch, targets, sampleIds, params: p }) {
    const explanations = await explainExamples(ctx, batch, targets, sampleIds, p, 'epsilon-ball');
    return { explanations, text: explanations.map((e) => examplesText(e, ctx.task.classes)) };
  },
};
