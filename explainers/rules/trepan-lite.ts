/**
 * `trepan-lite`: TREPAN's central idea (Craven & Shavlik 1996) on top of the C4.5 learner: the network
 * is queried as an oracle on extra synthetic inputs drawn from the training data's per-feature
 * marginals, so the tree sees more of the network's decision surface than the training rows show.
 * "Lite": no per-node constrained sampling, no m-of-n splits, no best-first growth to a size limit.
 */
import { int, num } from '../../core/params.js';
import type { StructuredExplainer } from '../types.js';
import { learnC45 } from './c45.js';
import { trepanLiteCard } from './pedagogical.card.js';
import { extractPedagogical } from './pedagogical.js';
import { type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';

const params = {
  queries: int({ default: 2000, min: 0, description: 'synthetic inputs labelled by the network (TREPAN uses at least 1000 per node)' }),
  minCases: int({ default: 2, min: 1, description: "C4.5's minimum cases on at least two branches (-m)" }),
  cf: num({ default: 0.25, min: 0, max: 1, description: 'C4.5 pruning confidence (0 or 1: no pruning)' }),
  rows: int({
    default: 0,
    min: 0,
    description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)',
  }),
  seconds: num({ default: 60, min: 0.01, description: 'wall-time budget of the tree' }),
} as const;

export const trepanLiteExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'trepan-lite',
  family: 'rules',
  description:
    'C4.5 tree on the training rows plus synthetic queries from the per-feature marginals, all labelled by the network (TREPAN-style ' +
    'oracle queries)',
  needs: ['predict', 'training-data'],
  needsClasses: 'extracts rules that predict the model\'s class',
  kinds: ['tabular'],
  output: 'probability',
  deterministic: false,
  params,
  card: trepanLiteCard,
  fit: (
    ctx,
    p,
  ) => measuredFit(
    ctx,
    'trepan-lite',
    p,
    () => extractPedagogical(ctx, 'trepan-lite', p, (data, deadline) => learnC45(data, { minCases: p.minCases, cf: p.cf, deadline })),
  ),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
