/**
 * rank-correlation (OpenXAI RC; rank-correlation.ts is the plain Spearman helper): Spearman correlation
 * between the explanation's and the true weights' magnitude ranks over the features of interest F, the
 * top-k features of the true weights (Krishna et al.: "a set of features of interest").
 */
import { agreementK, agreementKParam, byMagnitude, denseRanks, scoreAgreement } from './agreement.js';
import { spearman } from './rank-correlation.js';
import { nullValue } from './per-sample.js';
import type { AttributionMetric } from './types.js';

const ID = 'rank-correlation';
const params = { k: { ...agreementKParam, description: 'size of F, the true weights\' top features compared, as a fraction of the features rounded up' } } as const;

/**
 * Spearman correlation of the dense ranks of -|a| and -|w| taken over all features, restricted to F
 * (scipy's spearmanr re-ranks them within F, as here); null when either does not vary on F.
 */
export function weightRankCorrelation(a: ArrayLike<number>, w: ArrayLike<number>, features: ArrayLike<number>): number | null {
  const ra = denseRanks(a);
  const rw = denseRanks(w);
  return spearman(Array.from(features, (j) => ra[j]), Array.from(features, (j) => rw[j]));
}

export const rankCorrelation: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  chance: 0,
  description:
    'Spearman correlation of the magnitude ranks of the explanation and the true weights over the top-k ' +
    'features of the true weights, k = ceil(0.25 d). 1 same order, 0 chance. Null when k < 2 or either side is tied on F.',
  reference: 'Krishna et al. 2022 (rank correlation over features of interest); OpenXAI RC (rankdata dense + spearmanr).',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const features = byMagnitude(w!).subarray(0, agreementK(a.length, p.k));
      const r = weightRankCorrelation(a, w!, features);
      return r === null ? { value: nullValue('ranks do not vary on the compared features (k < 2 or ties)'), chance: null } : { value: r, chance: 0 };
    });
  },
};
