/** smoothgrad's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Smilkov et al. 2017. */
export const smoothgradCard: MethodCard = {
  summary: {
    en: 'The gradient averaged over many noisy copies of the input, which smooths away the gradient\'s speckle.',
    ko: '입력에 잡음을 더한 여러 사본에서 기울기를 평균해, 기울기 맵의 얼룩덜룩한 잡음을 줄입니다.',
  },
  requirements: { en: 'Gradients of the model output with respect to the input.', ko: '입력에 대한 모델 출력의 기울기가 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Less sensitive to small input changes than the plain gradient.', ko: '단순 기울기보다 입력의 작은 변화에 덜 민감합니다.' },
      evidence: ['max-sensitivity', 'local-lipschitz'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Random: two runs with different seeds give different maps.', ko: '무작위적입니다. 시드가 다르면 두 번의 실행 결과가 다릅니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: { en: 'Costs one gradient pass per noisy copy (50 by default).', ko: '잡음 사본마다 기울기를 한 번씩 계산하므로(기본 50개) 비용이 큽니다.' },
      evidence: ['gradient-passes'],
      expect: 'high',
    },
  ],
  references: ['Smilkov et al. 2017, "SmoothGrad: removing noise by adding noise", arXiv:1706.03825'],
};
