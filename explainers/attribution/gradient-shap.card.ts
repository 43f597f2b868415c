/** gradient-shap's method card and its differences from Captum's GradientShap. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const gradientShapDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 GradientShap',
    what: {
      en:
        'The baselines are 50 rows drawn once per task from the training split (Captum takes whatever baselines it is given), and the ' +
        'target logit is explained. Draws, noise and alpha follow Captum (n_samples 5, stdevs 0).',
      ko:
        '기준 입력은 과제마다 한 번 훈련 데이터에서 뽑은 50개 행입니다(Captum은 주어진 기준 입력을 그대로 씁니다). 설명 대상은 목표 로짓입니다. ' +
        '추출 횟수, 잡음, alpha는 Captum과 같습니다(n_samples 5, stdevs 0).',
    },
    size: null,
  },
];

/** The method card (site): claims from Lundberg & Lee 2017 and Erion et al. 2021. */
export const gradientShapCard: MethodCard = {
  summary: {
    en:
      'Integrated gradients with the baseline and the point on the path drawn at random: an estimate of SHAP values from a few gradient ' +
      'passes.',
    ko: '기준 입력과 경로 위의 점을 무작위로 뽑는 integrated gradients입니다. 기울기 계산 몇 번으로 SHAP 값을 추정합니다.',
  },
  requirements: {
    en: 'Gradients of the model output and background data to draw baselines from.',
    ko: '모델 출력의 기울기와 기준 입력을 뽑을 배경 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Sums to f(x) minus the average background output in expectation, at the cost of a few gradients.',
        ko: '기울기 몇 번의 비용으로, 기댓값에서 기여도의 합이 f(x)에서 배경의 평균 출력을 뺀 값과 같습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Random: with 5 draws two seeds give visibly different maps.', ko: '무작위적입니다. 추출이 5번뿐이라 시드가 다르면 결과가 눈에 띄게 다릅니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
  ],
  references: [
    'Lundberg & Lee 2017, "A unified approach to interpreting model predictions", NeurIPS',
    'Erion et al. 2021, "Improving performance of deep learning models with axiomatic attribution priors and expected gradients", Nature Machine Intelligence',
    'Captum GradientShap',
  ],
};
