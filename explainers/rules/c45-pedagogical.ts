/** `c45-pedagogical`: a C4.5 tree (c45.ts) on the training rows labelled by the network, as rules. */
import { int, num } from '../../core/params.js';
import type { StructuredExplainer } from '../types.js';
import { learnC45 } from './c45.js';
import { c45PedagogicalCard } from './pedagogical.card.js';
import { extractPedagogical } from './pedagogical.js';
import { type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';

const params = {
  minCases: int({ default: 2, min: 1, description: "C4.5's minimum cases on at least two branches (-m)" }),
  cf: num({ default: 0.25, min: 0, max: 1, description: 'C4.5 pruning confidence (0 or 1: no pruning)' }),
  rows: int({
    default: 0,
    min: 0,
    description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)',
  }),
  seconds: num({ default: 60, min: 0.01, description: 'wall-time budget of the tree' }),
} as const;

export const c45PedagogicalExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'c45-pedagogical',
  family: 'rules',
  description: "C4.5 tree (gain ratio, observed-value thresholds, pessimistic pruning) on the network's predictions, as rules",
  needs: ['predict', 'training-data'],
  needsClasses: 'extracts rules that predict the model\'s class',
  kinds: ['tabular'],
  output: 'probability',
  deterministic: true,
  params,
  card: c45PedagogicalCard,
  fit: (ctx, p) =>
    measuredFit(ctx, 'c45-pedagogical', p, () =>
      extractPedagogical(ctx, 'c45-pedagogical', p, (data, deadline) => learnC45(data, { minCases: p.minCases, cf: p.cf, deadline })),
    ),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
