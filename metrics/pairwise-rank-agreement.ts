/**
 * pairwise-rank-agreement (OpenXAI PRA): over pairs of features of interest (the true weights' top-k),
 * the share whose relative order by magnitude is the same in the explanation as in the true weights.
 * Pairs the true weights tie are left out (they have no order to agree with); a pair the explanation
 * ties counts as a disagreement.
 */
import { agreementK, agreementKParam, byMagnitude, scoreAgreement } from './agreement.js';
import { nullValue } from './per-sample.js';
import type { AttributionMetric } from './types.js';

const ID = 'pairwise-rank-agreement';
const params = { k: { ...agreementKParam, description: 'size of F, the true weights\' top features whose pairs are compared, as a fraction of the features rounded up' } } as const;

/** Share of the untied pairs of `features` ordered alike by |a| and |w|; null when there is none. */
export function pairwiseAgreement(a: ArrayLike<number>, w: ArrayLike<number>, features: ArrayLike<number>): number | null {
  let pairs = 0;
  let same = 0;
  for (let s = 0; s < features.length; s++) {
    for (let t = s + 1; t < features.length; t++) {
      const i = features[s];
      const j = features[t];
      const truth = Math.sign(Math.abs(w[i]) - Math.abs(w[j]));
      if (truth === 0) continue;
      pairs++;
      if (Math.sign(Math.abs(a[i]) - Math.abs(a[j])) === truth) same++;
    }
  }
  return pairs ? same / pairs : null;
}

export const pairwiseRankAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  chance: 0.5,
  description:
    'Fraction of pairs among the top-k features of the true weights (k = ceil(0.25 d)) that the explanation orders the same ' +
    'way by magnitude; pairs tied in the truth are skipped. 1 same order, 0.5 chance. Null when no untied pair exists.',
  reference: 'Krishna et al. 2022 (pairwise rank agreement); OpenXAI PRA (which counts rank_i < rank_j alike, so ties agree).',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const features = byMagnitude(w!).subarray(0, agreementK(a.length, p.k));
      const v = pairwiseAgreement(a, w!, features);
      return v === null ? { value: nullValue('no pair of compared features has distinct true magnitudes'), chance: null } : { value: v, chance: 0.5 };
    });
  },
};
