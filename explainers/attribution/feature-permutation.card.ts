/** feature-permutation's method card and its differences from Captum's FeaturePermutation. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const featurePermutationDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 FeaturePermutation',
    what: {
      en:
        "Replacement values come from 10 rows of the training data drawn with the input's own seeded stream; Captum shuffles the " +
        'feature once within the batch being explained, so its result for an input depends on the other inputs in the batch.',
      ko:
        '대체 값은 입력마다 고유한 시드 스트림으로 훈련 데이터에서 뽑은 10개 행에서 가져옵니다. Captum은 설명 중인 배치 안에서 특성을 한 번 섞으므로, ' +
        '한 입력의 결과가 같은 배치의 다른 입력에 따라 달라집니다.',
    },
    size: null,
  },
];

/** The method card (site): claims from Breiman 2001 and Fisher et al. 2019. */
export const featurePermutationCard: MethodCard = {
  summary: {
    en: "How much the output drops when one feature is given another data row's value, the per-input form of permutation importance.",
    ko: '한 특성에 다른 데이터 행의 값을 넣었을 때 출력이 얼마나 떨어지는지를 봅니다. 순열 중요도를 입력 하나에 적용한 형태입니다.',
  },
  requirements: { en: 'Model outputs and training data (tables only).', ko: '모델 출력과 훈련 데이터가 필요합니다(표 데이터 전용).' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Needs only outputs and keeps values realistic (taken from the data).', ko: '출력만 있으면 되고, 대체 값이 실제 데이터에서 오므로 현실적입니다.' },
      evidence: [],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Ignores interactions: each feature is replaced alone, so correlated features can both look unimportant.',
        ko: '상호작용을 무시합니다. 특성을 하나씩만 바꾸므로, 서로 상관된 특성은 둘 다 중요하지 않아 보일 수 있습니다.',
      },
      evidence: [],
      expect: 'low',
    },
  ],
  references: [
    'Breiman 2001, "Random forests", Machine Learning',
    'Fisher et al. 2019, "All models are wrong, but many are useful", JMLR',
    'Captum FeaturePermutation',
  ],
};
