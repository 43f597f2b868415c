/**
 * sign-agreement (OpenXAI SA): the share of the top-k features that are in both top-k sets with the
 * same sign in the explanation and the true weights.
 */
import { agreementK, agreementKParam, byMagnitude, scoreAgreement } from './agreement.js';
import type { AttributionMetric } from '../types.js';

const ID = 'sign-agreement';
const params = { k: agreementKParam } as const;

function signedSetAgreement(a: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  const truth = new Map<number, number>();
  for (const j of byMagnitude(w).subarray(0, k)) truth.set(j, Math.sign(w[j]));
  let same = 0;
  for (const j of byMagnitude(a).subarray(0, k)) if (truth.get(j) === Math.sign(a[j])) same++;
  return same / k;
}

export const signAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    'Fraction of the k features in both top-k sets (by magnitude) that also have the same sign in the explanation and the ' +
    'true weights; k = ceil(0.25 d). Chance k/(2d) for a sign-symmetric random attribution (details.chance). Needs the true weights.',
  reference: 'Krishna et al. 2022 (sign agreement); OpenXAI SA.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const k = agreementK(a.length, p.k);
      return { value: signedSetAgreement(a, w!, k), chance: k / (2 * a.length) };
    });
  },
};
