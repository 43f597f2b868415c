/**
 * pgu, prediction gap on unimportant features (OpenXAI): Gaussian noise on every feature outside the
 * explanation's top-k should leave the prediction alone. Lower is better.
 */
import { predictionGapParams, predictionGaps } from './prediction-gap.js';
import type { AttributionMetric } from '../types.js';

const ID = 'pgu';

export const pgu: AttributionMetric<typeof predictionGapParams> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'lower',
  ideal: 0,
  description:
    'Mean over `samples` copies of |f(x\') - f(x)|, where x\' adds N(0, std^2) noise to every input element outside the top-k by ' +
    '|attribution| (k = ceil(0.25 d)); f is the explained class probability. Lower is better; null when k covers every element.',
  reference:
    'Agarwal et al. 2022 ("OpenXAI"), PGU: the PGI computation with the mask inverted (the inversion OpenXAI issue #28 asks about); ' +
    'defaults as pgi.',
  requires: ['model'],
  params: predictionGapParams,
  evaluate(ctx, input, p) {
    return predictionGaps(ctx, input, 'rest', p, `metric ${ID}`);
  },
};
