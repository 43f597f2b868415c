/**
 * rank-correlation (OpenXAI RC; rank-correlation.ts is the plain Spearman helper): Spearman correlation
 * between the explanation's and the true weights' magnitude ranks over the features of interest F, the
 * top-k features of the true weights (Krishna et al.: "a set of features of interest").
 */
import { agreementK, agreementKParam, byMagnitude, denseRanks, scoreAgreement } from './agreement.js';
import { spearman } from '../../numeric/rank-correlation.js';
import { nullValue } from '../common/per-sample.js';
import type { ReferenceDifference } from '../../explainers/types.js';
import type { AttributionMetric } from '../types.js';

const ID = 'rank-correlation';
const params = {
  k: { ...agreementKParam, description: "size of F, the true weights' top features compared, as a fraction of the features rounded up" },
} as const;

/**
 * Spearman correlation of the dense ranks of -|a| and -|w| taken over all features, restricted to F
 * (scipy's spearmanr re-ranks them within F, as here); null when either does not vary on F.
 */
export function weightRankCorrelation(a: ArrayLike<number>, w: ArrayLike<number>, features: ArrayLike<number>): number | null {
  const ra = denseRanks(a);
  const rw = denseRanks(w);
  return spearman(Array.from(features, (j) => ra[j]), Array.from(features, (j) => rw[j]));
}

/**
 * The feature set differs from OpenXAI's (openxai/metrics.py rankcorr: all features); sizes measured by
 * tools/bench/reference-differences.ts with this code's tie conventions on both sides.
 */
const differences: readonly ReferenceDifference[] = [
  {
    reference: 'OpenXAI metrics.py rankcorr',
    what: {
      en:
        'Compared over F, the top k = ceil(0.25 d) features of the true weights (the "features of interest" of Krishna et al. 2022); ' +
        'OpenXAI\'s rankcorr compares all features. k=1 compares all features. (OpenXAI also correlates the dense ranks with pearsonr ' +
        'where this code re-ranks them, as spearmanr does; the two differ only where ranks tie.) Over all features most compared pairs ' +
        'are a relevant feature against an irrelevant (zero-weight) one, which most explanations order correctly, so values are mostly ' +
        'higher.',
      ko:
        '실제 가중치에서 상위 k = ceil(0.25 d)개 특성(Krishna 등 2022의 "관심 특성")인 F만 비교합니다. OpenXAI의 rankcorr는 모든 특성을 비교합니다. k=1로 두면 모든 특성을 비교합니다. ' +
        '(OpenXAI는 밀집 순위에 바로 pearsonr 함수를 쓰고, 이 코드는 spearmanr처럼 순위를 다시 매깁니다. 두 방식은 순위가 같은 값이 있을 때만 다릅니다.) 모든 특성을 비교하면 비교 대상의 대부분이 관련 ' +
        '특성과 무관한(가중치가 0인) 특성의 쌍이 되는데, 대부분의 설명이 이 순서는 맞히므로 값이 대체로 높아집니다.',
    },
    size: {
      en:
        'Mean over 128 samples per task, all features minus top-k: +0.17 to +0.56 for gradient×input, integrated gradients, occlusion ' +
        'and LRP on synth-linear-mlp, hiring-biased-mlp and hiring-fair-mlp; for the plain gradient −0.11 on synth-linear-mlp and +0.42 ' +
        'to +0.54 on the hiring tasks.',
      ko:
        "과제마다 표본 128개의 평균에서 '전체 특성' 값에서 '상위 k' 값을 빼면, synth-linear-mlp, hiring-biased-mlp, hiring-fair-mlp에서 gradient×input, integrated " +
        "gradients, occlusion, LRP는 +0.17에서 +0.56이고, 단순 기울기는 synth-linear-mlp에서 −0.11, hiring 과제에서 +0.42에서 +0.54입니다.",
    },
  },
];

export const rankCorrelation: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  chance: 0,
  description:
    'Spearman correlation of the magnitude ranks of the explanation and the true weights over the top-k ' +
    'features of the true weights, k = ceil(0.25 d). 1 same order, 0 chance. Null when k < 2 or either side is tied on F. ' +
    'OpenXAI compares all features (k=1 here); see differences.',
  reference:
    'Krishna et al. 2022 (rank correlation over features of interest); OpenXAI RC (rankdata dense, then pearsonr of the ranks over all ' +
    'features).',
  requires: ['ground-truth'],
  differences,
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, false, (a, w) => {
      const features = byMagnitude(w!).subarray(0, agreementK(a.length, p.k));
      const r = weightRankCorrelation(a, w!, features);
      if (r === null) return { value: nullValue('ranks do not vary on the compared features (k < 2 or ties)'), chance: null };
      return { value: r, chance: 0 };
    });
  },
};
