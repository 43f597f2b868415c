/**
 * SmoothGrad (Smilkov et al. 2017): the mean gradient of the target logit over `samples` noisy copies
 * x + N(0, sigma^2), with sigma = noise * (max(x) - min(x)) as the paper defines the noise level (it found
 * 10-20% best). Noise is drawn from the sample's seeded stream (noisy-copies.ts, shared with vargrad).
 */
import { sizeOf } from '../../core/batch.js';
import { int, num } from '../../core/params.js';
import { noisyGradients } from './noisy-copies.js';
import type { AttributionExplainer } from '../types.js';
import { smoothgradCard } from './smoothgrad.card.js';

const params = {
  samples: int({ default: 50, min: 1, max: 100000, description: 'noisy copies per input (gradient passes per sample)' }),
  noise: num({ default: 0.15, min: 0, max: 10, description: 'noise sigma as a fraction of the input\'s max - min range' }),
} as const;

export const smoothgradExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'smoothgrad',
  family: 'attribution',
  description: 'Mean gradient of the target logit over Gaussian-noised copies of the input.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: false,
  properties: ['implementation-invariance'],
  card: smoothgradCard,
  params,
  explain({ ctx, batch, targets, sampleIds, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const grads = noisyGradients(ctx, batch, targets, sampleIds, { samples: p.samples, noise: p.noise, purpose: 'smoothgrad' });
    const attributions = new Float32Array(batch.n * d);
    const acc = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      acc.fill(0);
      for (let s = 0; s < p.samples; s++) for (let k = 0; k < d; k++) acc[k] += grads[i][s * d + k];
      for (let k = 0; k < d; k++) attributions[i * d + k] = acc[k] / p.samples;
    }
    return { attributions };
  },
};
