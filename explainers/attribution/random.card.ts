/** random's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

/** The method card (site): a control claims only what a control must show. */
export const randomCard: MethodCard = {
  summary: {
    en:
      'A control, not a method: random numbers in the shape of the input. Every metric must rank real explainers above it, or the ' +
      'metric measures nothing.',
    ko: '설명 방법이 아니라 대조군입니다. 입력과 같은 모양의 난수를 돌려줍니다. 실제 설명 방법이 이것보다 높은 순위를 받지 못한다면 그 지표는 아무것도 측정하지 못하는 것입니다.',
  },
  requirements: { en: 'Nothing: it never looks at the model.', ko: '아무것도 필요 없습니다. 모델을 전혀 보지 않습니다.' },
  claims: [
    {
      kind: 'weakness',
      text: { en: 'Ignores the model, so it should not agree with what the model uses.', ko: '모델을 무시하므로 모델이 실제로 쓰는 정보와 일치하지 않아야 합니다.' },
      evidence: ['faithfulness-correlation'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Does not change when the weights are randomised: it fails the sanity check by design.',
        ko: '가중치를 무작위로 바꿔도 변하지 않으므로 설계상 건전성 검사를 통과하지 못합니다.',
      },
      evidence: ['mprt'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: { en: 'Costs nothing to compute.', ko: '계산 비용이 거의 없습니다.' },
      evidence: ['seconds'],
      expect: 'low',
    },
  ],
  references: ['Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS (random baselines)'],
};
