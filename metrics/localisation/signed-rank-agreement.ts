/**
 * signed-rank-agreement (OpenXAI SRA): the share of the top-k positions at which the explanation and
 * the true weights rank the same feature with the same sign.
 */
import { agreementK, agreementKParam, scoreAgreement } from './agreement.js';
import { positionalAgreement } from './rank-agreement.js';
import type { AttributionMetric } from '../types.js';

const ID = 'signed-rank-agreement';
const params = { k: agreementKParam } as const;

export const signedRankAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    'Fraction of the top-k rank positions (by magnitude) at which the explanation and the true weights hold the same feature ' +
    'with the same sign; k = ceil(0.25 d). Chance 1/(2d) (details.chance). Needs the true weights.',
  reference: 'Krishna et al. 2022 (signed rank agreement); OpenXAI SRA.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const k = agreementK(a.length, p.k);
      return { value: positionalAgreement(a, w!, k, true), chance: 1 / (2 * a.length) };
    });
  },
};
