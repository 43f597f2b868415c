/** Deconvnet (Zeiler & Fergus 2014): the target-logit signal sent back through ReLUs as relu(dy) (guided-rules.ts). */
import type { AttributionExplainer } from '../types.js';
import { deconvnetCard } from './deconvnet.card.js';
import { guidedGradients } from './guided-rules.js';

const params = {} as const;

export const deconvnetExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'deconvnet',
  family: 'attribution',
  description: 'Deconvnet: the target logit sent back with every ReLU passing only positive signals, whatever the forward input.',
  needs: ['gradients', 'layers'],
  output: 'logit',
  deterministic: true,
  properties: ['determinism'],
  card: deconvnetCard,
  params,
  explain: ({ ctx, batch, targets }) => ({ attributions: guidedGradients(ctx.engine, batch, targets, 'deconvnet') }),
};
