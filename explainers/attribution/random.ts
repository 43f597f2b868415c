/**
 * The control: attributions drawn from N(0, 1), independently per input element, from the sample's own
 * seeded stream. Any metric that cannot tell a real explainer from this one measures nothing.
 */
import { sizeOf } from '../../core/batch.js';
import type { AttributionExplainer } from '../types.js';
import { randomCard } from './random.card.js';

const params = {} as const;

export const randomExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'random',
  family: 'attribution',
  description: 'Control: i.i.d. standard normal attributions, seeded per sample; ignores the model.',
  needs: [],
  output: 'logit',
  deterministic: false,
  properties: [],
  card: randomCard,
  params,
  explain({ ctx, batch, sampleIds }) {
    const d = sizeOf(batch.sampleShape);
    const out = new Float32Array(batch.n * d);
    for (let i = 0; i < batch.n; i++) {
      const rng = ctx.rng(sampleIds[i], 'random');
      for (let k = 0; k < d; k++) out[i * d + k] = rng.normal();
    }
    return { attributions: out };
  },
};
