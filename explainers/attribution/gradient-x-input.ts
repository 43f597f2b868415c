/**
 * Gradient x input (Shrikumar et al. 2016): x * d logit_target / d x, the first-order Taylor term around
 * zero. For a linear model it is exactly w * x.
 */
import type { AttributionExplainer } from '../types.js';
import { gradientXInputCard } from './gradient-x-input.card.js';

const params = {} as const;

export const gradientXInputExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'gradient-x-input',
  family: 'attribution',
  description: 'Input times the gradient of the target logit.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism', 'implementation-invariance'],
  card: gradientXInputCard,
  params,
  explain({ ctx, batch, targets }) {
    const g = ctx.engine.gradients(batch, targets, 'logit');
    for (let k = 0; k < g.length; k++) g[k] *= batch.data[k];
    return { attributions: g };
  },
};
