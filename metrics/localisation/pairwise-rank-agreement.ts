/**
 * pairwise-rank-agreement (OpenXAI PRA): over pairs of features of interest (the true weights' top-k),
 * the share whose relative order by magnitude is the same in the explanation as in the true weights.
 * Pairs the true weights tie are left out (they have no order to agree with); a pair the explanation
 * ties counts as a disagreement.
 */
import { agreementK, agreementKParam, byMagnitude, scoreAgreement } from './agreement.js';
import { nullValue } from '../common/per-sample.js';
import type { ReferenceDifference } from '../../explainers/types.js';
import type { AttributionMetric } from '../types.js';

const ID = 'pairwise-rank-agreement';
const params = {
  k: {
    ...agreementKParam,
    description: "size of F, the true weights' top features whose pairs are compared, as a fraction of the features rounded up",
  },
} as const;

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

/**
 * The feature set differs from OpenXAI's (openxai/metrics.py pairwise_comp: all features); sizes measured by
 * tools/bench/reference-differences.ts with this code's tie conventions on both sides.
 */
const differences: readonly ReferenceDifference[] = [
  {
    reference: 'OpenXAI metrics.py pairwise_comp',
    what: {
      en:
        'Compared over F, the top k = ceil(0.25 d) features of the true weights (the "features of interest" of Krishna et al. 2022); ' +
        'OpenXAI\'s pairwise_comp compares all features. k=1 compares all features. Over all features most compared pairs are a ' +
        'relevant feature against an irrelevant (zero-weight) one, which most explanations order correctly, so values are mostly higher.',
      ko:
        '실제 가중치에서 상위 k = ceil(0.25 d)개 특성(Krishna 등 2022의 "관심 특성")인 F만 비교합니다. OpenXAI의 pairwise_comp는 모든 특성을 비교합니다. k=1로 두면 모든 특성을 ' +
        '비교합니다. 모든 특성을 비교하면 비교 대상의 대부분이 관련 특성과 무관한(가중치가 0인) 특성의 쌍이 되는데, 대부분의 설명이 이 순서는 맞히므로 값이 대체로 높아집니다.',
    },
    size: {
      en:
        'Mean over 128 samples per task, all features minus top-k: +0.09 to +0.31 for gradient×input, integrated gradients, occlusion ' +
        'and LRP on synth-linear-mlp, hiring-biased-mlp and hiring-fair-mlp; for the plain gradient +0.005 on synth-linear-mlp and +0.17 ' +
        'to +0.21 on the hiring tasks.',
      ko:
        "과제마다 표본 128개의 평균에서 '전체 특성' 값에서 '상위 k' 값을 빼면, synth-linear-mlp, hiring-biased-mlp, hiring-fair-mlp에서 gradient×input, integrated " +
        "gradients, occlusion, LRP는 +0.09에서 +0.31이고, 단순 기울기는 synth-linear-mlp에서 +0.005, hiring 과제에서 +0.17에서 +0.21입니다.",
    },
  },
];

export const pairwiseRankAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  chance: 0.5,
  description:
    'Fraction of pairs among the top-k features of the true weights (k = ceil(0.25 d)) that the explanation orders the same ' +
    'way by magnitude; pairs tied in the truth are skipped. 1 same order, 0.5 chance. Null when no untied pair exists. ' +
    'OpenXAI compares all pairs of features (k=1 here); see differences.',
  reference: 'Krishna et al. 2022 (pairwise rank agreement); OpenXAI PRA (which counts rank_i < rank_j alike, so ties agree).',
  requires: ['ground-truth'],
  differences,
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const features = byMagnitude(w!).subarray(0, agreementK(a.length, p.k));
      const v = pairwiseAgreement(a, w!, features);
      if (v === null) return { value: nullValue('no pair of compared features has distinct true magnitudes'), chance: null };
      return { value: v, chance: 0.5 };
    });
  },
};
