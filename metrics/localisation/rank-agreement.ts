/**
 * rank-agreement (OpenXAI RA): the share of the top-k positions at which the explanation and the true
 * weights rank the same feature.
 */
import { agreementK, agreementKParam, byMagnitude, scoreAgreement } from './agreement.js';
import type { AttributionMetric } from '../types.js';

const ID = 'rank-agreement';
const params = { k: agreementKParam } as const;

/** Share of the first k positions where both rankings hold the same feature, optionally with the same sign too. */
export function positionalAgreement(a: ArrayLike<number>, w: ArrayLike<number>, k: number, withSign: boolean): number {
  const ra = byMagnitude(a);
  const rw = byMagnitude(w);
  let same = 0;
  for (let t = 0; t < k; t++) if (ra[t] === rw[t] && (!withSign || Math.sign(a[ra[t]]) === Math.sign(w[rw[t]]))) same++;
  return same / k;
}

export const rankAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    'Fraction of the top-k rank positions (by magnitude, ties by index) at which the explanation and the true weights hold ' +
    'the same feature; k = ceil(0.25 d). Chance 1/d (details.chance). Needs the true weights.',
  reference:
    'Krishna et al. 2022 (rank agreement); OpenXAI RA (same feature id and dense rank). With distinct magnitudes dense rank is ' +
    'position; at ties we use position with index tie-break.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const k = agreementK(a.length, p.k);
      return { value: positionalAgreement(a, w!, k, false), chance: 1 / a.length };
    });
  },
};
