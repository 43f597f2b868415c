/** vargrad's method card and its differences from Captum's NoiseTunnel(vargrad). */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const vargradDifferences: readonly ReferenceDifference[] = [
  {
    reference: "Captum 0.7 NoiseTunnel(Saliency), nt_type='vargrad'",
    what: {
      en:
        "Noise sigma is a fraction (0.15) of the input's range, as SmoothGrad's paper defines it, with 50 copies; Captum's defaults are " +
        "an absolute sigma of 1.0 and 5 copies, and its Saliency takes the gradient's absolute value first (abs=True); here the raw " +
        'gradient is used, as Adebayo et al. define VarGrad.',
      ko:
        '잡음 표준편차는 SmoothGrad 논문의 정의대로 입력 범위의 비율(0.15)이고 사본은 50개입니다. Captum의 기본값은 절대 표준편차 1.0과 사본 5개이며, ' +
        'Captum의 Saliency는 기울기의 절댓값을 먼저 취합니다(abs=True). 여기서는 Adebayo 외가 정의한 대로 부호가 있는 기울기를 씁니다.',
    },
    size: null,
  },
];

/** The method card (site): claims from Adebayo et al. 2018. */
export const vargradCard: MethodCard = {
  summary: {
    en: 'How much the gradient of each input element varies over noisy copies of the input: a map of where the model is sensitive.',
    ko: '입력에 잡음을 더한 사본들에서 각 입력 값의 기울기가 얼마나 달라지는지를 나타냅니다. 모델이 민감한 곳을 보여 주는 지도입니다.',
  },
  requirements: { en: 'Gradients of the model output with respect to the input.', ko: '입력에 대한 모델 출력의 기울기가 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Among the best at finding the features whose removal hurts the model most (ROAR, Hooker et al. 2019), with SmoothGrad-squared.',
        ko: '모델에서 없앴을 때 성능이 가장 크게 떨어지는 특성을 잘 찾아내는 편입니다(ROAR, Hooker 등 2019). SmoothGrad 제곱과 함께 상위권입니다.',
      },
      evidence: [],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Unsigned: it cannot say whether an element raised or lowered the output.',
        ko: '부호가 없어서, 어떤 값이 출력을 높였는지 낮췄는지 말해 주지 못합니다.',
      },
      evidence: [],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Random: two runs with different seeds give different maps.', ko: '무작위적입니다. 시드가 다르면 두 번의 실행 결과가 다릅니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
  ],
  references: [
    'Adebayo et al. 2018, "Local explanation methods for deep neural networks lack sensitivity to parameter values", ICLR workshop',
    'Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise", arXiv:1706.03825',
    'Hooker et al. 2019, "A benchmark for interpretability methods in deep neural networks", NeurIPS',
  ],
};
