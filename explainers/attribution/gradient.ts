/**
 * Vanilla gradient (Simonyan et al. 2014, "saliency"): d logit_target / d x. `absolute` gives |gradient|,
 * the original saliency map; the signed gradient is the default so that signs can be evaluated.
 */
import { bool } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { gradientCard } from './gradient.card.js';

const params = {
  absolute: bool({ default: false, description: 'return |gradient| (the saliency map of Simonyan et al.)' }),
} as const;

export const gradientExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'gradient',
  family: 'attribution',
  description: 'Gradient of the target logit with respect to the input.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism', 'implementation-invariance'],
  card: gradientCard,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const g = ctx.engine.gradients(batch, targets, 'logit');
    if (p.absolute) for (let k = 0; k < g.length; k++) g[k] = Math.abs(g[k]);
    return { attributions: g };
  },
};
