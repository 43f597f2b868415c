/** gradient's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Simonyan et al. 2014, Smilkov et al. 2017, Sundararajan et al. 2017. */
export const gradientCard: MethodCard = {
  summary: {
    en:
      'The saliency map: how fast the target logit changes when each input element is nudged. One backward pass, the basis of most ' +
      'gradient methods.',
    ko: '돌출 맵(saliency map)입니다. 각 입력 값을 조금 움직일 때 목표 로짓이 얼마나 빨리 변하는지를 보여 줍니다. 역전파 한 번이면 되며, 대부분의 기울기 기반 방법의 출발점입니다.',
  },
  requirements: {
    en: 'Gradients of the model output with respect to the input (a differentiable model).',
    ko: '입력에 대한 모델 출력의 기울기(미분 가능한 모델)가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Deterministic: the same input always gives the same map.', ko: '결정적입니다. 같은 입력에는 언제나 같은 맵이 나옵니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: { en: 'Cheap: one gradient pass per input.', ko: '저렴합니다. 입력 하나에 기울기 계산 한 번이면 됩니다.' },
      evidence: ['gradient-passes'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Noisy and local: small changes of the input can change the map a lot (Smilkov et al. 2017).',
        ko: '잡음이 많고 국소적입니다. 입력이 조금만 바뀌어도 맵이 크게 달라질 수 있습니다(Smilkov 등 2017).',
      },
      evidence: ['max-sensitivity'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Saturation: the gradients do not add up to the change of the output (no completeness).',
        ko: '포화 문제가 있습니다. 기울기를 모두 더해도 출력의 변화와 맞지 않습니다(완전성이 없음).',
      },
      evidence: ['completeness-gap'],
      expect: 'high',
    },
  ],
  references: [
    'Simonyan, Vedaldi & Zisserman 2014, "Deep inside convolutional networks", ICLR workshop',
    'Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise", arXiv:1706.03825',
  ],
};
