/**
 * VarGrad (Adebayo et al. 2018, "Local explanation methods for deep neural networks lack sensitivity to
 * parameter values"): the variance, per input element, of the target-logit gradient over SmoothGrad's
 * noisy copies (noisy-copies.ts), E[g^2] - E[g]^2 as Captum's NoiseTunnel computes it. Always >= 0: it
 * says how much an element's gradient moves, not in which direction the element pushes the output.
 */
import { sizeOf } from '../../core/batch.js';
import { int, num } from '../../core/params.js';
import type { AttributionExplainer } from '../types.js';
import { noisyGradients } from './noisy-copies.js';
import { vargradCard, vargradDifferences } from './vargrad.card.js';

const params = {
  samples: int({ default: 50, min: 2, max: 100000, description: "noisy copies per input, as smoothgrad (Captum's nt_samples default: 5)" }),
  noise: num({ default: 0.15, min: 0, max: 10, description: "noise sigma as a fraction of the input's max - min range, as smoothgrad" }),
} as const;

export const vargradExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'vargrad',
  family: 'attribution',
  description: 'Variance of the target-logit gradient over Gaussian-noised copies of the input.',
  needs: ['gradients'],
  output: 'logit',
  deterministic: false,
  properties: ['implementation-invariance'],
  card: vargradCard,
  differences: vargradDifferences,
  params,
  explain({ ctx, batch, targets, sampleIds, params: p }) {
    const d = sizeOf(batch.sampleShape);
    const grads = noisyGradients(ctx, batch, targets, sampleIds, { samples: p.samples, noise: p.noise, purpose: 'vargrad' });
    const attributions = new Float32Array(batch.n * d);
    const mean = new Float64Array(d);
    const sq = new Float64Array(d);
    for (let i = 0; i < batch.n; i++) {
      mean.fill(0);
      sq.fill(0);
      for (let s = 0; s < p.samples; s++) {
        for (let k = 0; k < d; k++) {
          const g = grads[i][s * d + k];
          mean[k] += g;
          sq[k] += g * g;
        }
      }
      for (let k = 0; k < d; k++) {
        const m = mean[k] / p.samples;
        attributions[i * d + k] = Math.max(0, sq[k] / p.samples - m * m);
      }
    }
    return { attributions };
  },
};
