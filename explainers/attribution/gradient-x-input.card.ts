/** gradient-x-input's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Shrikumar et al. 2016 and Adebayo et al. 2018. */
export const gradientXInputCard: MethodCard = {
  summary: {
    en: 'The gradient multiplied by the input: the first-order contribution of each input element, exact for linear models.',
    ko: '기울기에 입력값을 곱한 것으로, 각 입력 값의 1차 기여도입니다. 선형 모델에서는 정확합니다.',
  },
  requirements: { en: 'Gradients of the model output with respect to the input.', ko: '입력에 대한 모델 출력의 기울기가 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Deterministic and as cheap as the gradient.', ko: '결정적이며 기울기만큼 저렴합니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Dominated by the input itself, so it changes less than it should when the model is randomised (Adebayo et al. 2018).',
        ko: '입력 자체가 결과를 좌우하기 때문에, 모델을 무작위로 바꿔도 마땅히 변해야 할 만큼 변하지 않습니다(Adebayo 등 2018).',
      },
      evidence: ['mprt'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Inherits the noise of the gradient.', ko: '기울기의 잡음을 그대로 물려받습니다.' },
      evidence: ['max-sensitivity'],
      expect: 'high',
    },
  ],
  references: [
    'Shrikumar et al. 2016, "Not just a black box: learning important features through propagating activation differences", ' +
    'arXiv:1605.01713',
    'Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS',
  ],
};
