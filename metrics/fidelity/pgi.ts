/**
 * pgi, prediction gap on important features (OpenXAI): Gaussian noise on the explanation's top-k
 * features should move the prediction. Higher is better.
 */
import { predictionGapParams, predictionGaps } from './prediction-gap.js';
import type { AttributionMetric } from '../types.js';

const ID = 'pgi';

export const pgi: AttributionMetric<typeof predictionGapParams> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    'Mean over `samples` copies of |f(x\') - f(x)|, where x\' adds N(0, std^2) noise to the top-k input elements by |attribution| ' +
    '(k = ceil(0.25 d)) and f is the explained class probability. Higher is better (1 bounds the probability gap). Defined on ' +
    'flat input elements, so it also runs on images, where it is a Gaussian analogue of deletion.',
  reference:
    'Agarwal et al. 2022 ("OpenXAI"), PGI: top-k by |a| with k=0.25, NormalPerturbation std=0.1, n_samples=100, mean |Δf|. ' +
    "OpenXAI reads output column 0 of binary models and flips discrete features with p = sqrt(2/pi) std; we read the explained " +
    'class and treat all features as continuous (our tabular inputs are standardised). Single k (OpenXAI can average k=1..k_max).',
  requires: ['model'],
  params: predictionGapParams,
  evaluate(ctx, input, p) {
    return predictionGaps(ctx, input, 'top-k', p, `metric ${ID}`);
  },
};
