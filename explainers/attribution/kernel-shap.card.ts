/**
 * kernel-shap's method card (the site renders it; claims tied to the metrics that measure them) and
 * its by-design differences from the peers' reference implementations.
 */
import type { MethodCard, ReferenceDifference } from '../types.js';

/** shap's default feature selection, which this code does not do. */
export const kernelShapDifferences: readonly ReferenceDifference[] = [
  {
    reference: "shap 0.4x KernelExplainer, l1_reg='auto'",
    what: {
      en:
        "No feature selection: every feature (or pixel group) keeps its fitted Shapley value. shap's default l1_reg='auto' first " +
        "selects features with LassoLarsIC (AIC) whenever fewer than 20% of the 2^M − 2 coalitions are evaluated, and gives the others " +
        "0 (shap marks 'auto' deprecated, to become num_features(10)). With the default budget of 2M + 2048 coalitions that happens " +
        "from M = 14 players up: breast-cancer's 30 features and MNIST's up to 49 grid cells, not the smaller tabular tasks.",
      ko:
        "특성 선택을 하지 않습니다. 모든 특성(또는 픽셀 묶음)이 추정된 섀플리 값을 그대로 가집니다. shap의 기본값 l1_reg='auto'는 2^M − 2개 연합 가운데 20% 미만만 평가할 때 " +
        "LassoLarsIC(AIC)로 특성을 먼저 고르고 나머지에는 0을 줍니다(shap은 'auto'를 폐기 예정으로 표시했고, num_features(10)으로 바뀔 예정입니다). 기본 예산인 2M + 2048개 연합이면 " +
        "참여자가 14개 이상일 때 해당합니다. breast-cancer의 특성 30개와 MNIST의 격자 칸(최대 49개)이 그렇고, 그보다 작은 표 형식 과제는 해당하지 않습니다.",
    },
    size: null,
  },
];

/** The method card (site): claims from Lundberg & Lee 2017 and the shap library. */
export const kernelShapCard: MethodCard = {
  summary: {
    en:
      'Shapley values estimated by a weighted linear regression over random coalitions of features: each feature\'s fair share of the ' +
      'prediction.',
    ko: '특성들의 무작위 조합(연합)에 대한 가중 선형 회귀로 샤플리 값을 추정합니다. 예측에 대한 각 특성의 공정한 몫입니다.',
  },
  requirements: {
    en: 'Only the model\'s outputs (model-agnostic), and background data that stands for "absent" features.',
    ko: '모델의 출력만 있으면 됩니다(모델 비의존적). "없는" 특성을 대신할 배경 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en:
          'Efficiency: the values add up to the prediction minus the average prediction. The regression is solved under this ' +
          'constraint, so it holds by construction: the leaderboard does not rank KernelSHAP on the completeness gap.',
        ko: '효율성: 값들의 합이 예측값에서 평균 예측값을 뺀 것과 같습니다. 이 제약 아래에서 회귀를 풀기 때문에 구성상 성립하므로, 리더보드는 완전성 차이로 KernelSHAP의 순위를 매기지 않습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Sampled: runs with different seeds differ unless every coalition is enumerated.',
        ko: '표본 추출에 의존하므로, 모든 조합을 열거하지 않는 한 시드가 다르면 결과도 다릅니다.',
      },
      evidence: ['run-to-run'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Expensive: one forward pass per coalition and background row.', ko: '비쌉니다. 조합과 배경 행마다 순전파가 한 번씩 필요합니다.' },
      evidence: ['forward-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Assumes features are independent; the background data changes the answer.',
        ko: '특성들이 서로 독립이라고 가정하며, 배경 데이터에 따라 결과가 달라집니다.',
      },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Lundberg & Lee 2017, "A unified approach to interpreting model predictions", NeurIPS',
    'shap (github.com/shap/shap), KernelExplainer',
  ],
};
