/** Guided backpropagation (Springenberg et al. 2015): the target-logit gradient with guided ReLU backward rules (guided-rules.ts). */
import type { AttributionExplainer } from '../types.js';
import { guidedBackpropCard } from './guided-backprop.card.js';
import { guidedGradients } from './guided-rules.js';

const params = {} as const;

export const guidedBackpropExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'guided-backprop',
  family: 'attribution',
  description: 'Guided backpropagation: the gradient with negative signals stopped at every ReLU on the way back.',
  needs: ['gradients', 'layers'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism'],
  card: guidedBackpropCard,
  params,
  explain: ({ ctx, batch, targets }) => ({ attributions: guidedGradients(ctx.engine, batch, targets, 'guided-backprop') }),
};
