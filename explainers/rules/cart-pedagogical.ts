/** `cart-pedagogical`: a CART tree (cart.ts, midpoint thresholds) on the training rows labelled by the network. */
import { int, num } from '../../core/params.js';
import type { StructuredExplainer } from '../types.js';
import { learnCart } from './cart.js';
import { cartPedagogicalCard } from './pedagogical.card.js';
import { extractPedagogical } from './pedagogical.js';
import { type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';

const params = {
  maxDepth: int({ default: 6, min: 1, description: 'maximum tree depth (bounds the rule length)' }),
  minLeaf: int({ default: 5, min: 1, description: 'minimum training rows per leaf' }),
  rows: int({
    default: 0,
    min: 0,
    description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)',
  }),
  seconds: num({ default: 60, min: 0.01, description: 'wall-time budget of the tree' }),
} as const;

export const cartPedagogicalExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'cart-pedagogical',
  family: 'rules',
  description: "CART tree (Gini, midpoint thresholds, depth-bounded) on the network's predictions, as rules",
  needs: ['predict', 'training-data'],
  needsClasses: 'extracts rules that predict the model\'s class',
  kinds: ['tabular'],
  output: 'probability',
  deterministic: true,
  params,
  card: cartPedagogicalCard,
  fit: (ctx, p) =>
    measuredFit(ctx, 'cart-pedagogical', p, () =>
      extractPedagogical(
        ctx,
        'cart-pedagogical',
        p,
        (data, deadline) => learnCart(data, { maxDepth: p.maxDepth, minLeaf: p.minLeaf, deadline }),
      ),
    ),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
