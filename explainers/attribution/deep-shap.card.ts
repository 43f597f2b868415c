/** deep-shap's method card and its differences from shap's DeepExplainer and Captum's DeepLiftShap. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const deepShapDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'shap 0.4x DeepExplainer',
    what: {
      en:
        'Explains the target logit with the rescale rule at every activation; shap explains the model output it is given (often the ' +
        'softmax) and handles max pooling and softmax with their own rules. Max pooling here passes the multiplier to the maximum (deeplift).',
      ko:
        '모든 활성화에 재조정 규칙을 써서 목표 로짓을 설명합니다. shap은 주어진 모델 출력(흔히 소프트맥스)을 설명하고, 최대 풀링과 소프트맥스에 별도 규칙을 씁니다. ' +
        '여기서 최대 풀링은 승수를 최댓값 위치로 넘깁니다(deeplift와 같음).',
    },
    size: null,
  },
];

/** The method card (site): claims from Lundberg & Lee 2017 and Shrikumar et al. 2017. */
export const deepShapCard: MethodCard = {
  summary: {
    en:
      'DeepLIFT run against many reference inputs drawn from the data and averaged: a fast approximation of SHAP values for neural ' +
      'networks.',
    ko: '데이터에서 뽑은 여러 기준 입력에 대해 DeepLIFT를 실행하고 평균합니다. 신경망의 SHAP 값을 빠르게 근사합니다.',
  },
  requirements: {
    en: "The model's layers and background data to draw reference rows from.",
    ko: '모델의 층과 기준 행을 뽑을 배경 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Sums to f(x) minus the average output on the background, as SHAP values do.',
        ko: 'SHAP 값처럼 기여도의 합이 f(x)에서 배경 데이터의 평균 출력을 뺀 값과 같습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Costs one backward pass per background row (50 by default).',
        ko: '배경 행마다 역전파를 한 번씩 하므로(기본 50개) 비용이 듭니다.',
      },
      evidence: ['gradient-passes'],
      expect: 'high',
    },
  ],
  references: [
    'Lundberg & Lee 2017, "A unified approach to interpreting model predictions", NeurIPS',
    'Shrikumar et al. 2017, "Learning important features through propagating activation differences", ICML',
    'shap DeepExplainer; Captum DeepLiftShap',
  ],
};
