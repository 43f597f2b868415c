/** counterfactual's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const counterfactualCard: MethodCard = {
  summary: {
    en:
      'Answers "what would change the answer?": the smallest change it can find to the input that makes the model say something else, ' +
      'and how big that change is.',
    ko: '"무엇이 바뀌면 답이 달라질까?"에 답합니다. 모델이 다른 답을 하게 만드는, 찾을 수 있는 가장 작은 입력 변화와 그 크기를 보여 줍니다.',
  },
  requirements: { en: 'Only the model\'s predictions.', ko: '모델의 예측만 있으면 됩니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'The change it reports really flips the model\'s answer (it is checked with the model).',
        ko: '보고한 변화는 실제로 모델의 답을 바꿉니다 (모델로 확인합니다).',
      },
      evidence: ['counterfactual-validity'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'A random search: the change is the smallest found, not the smallest there is, and can look unnatural for images.',
        ko: '무작위 탐색이라 찾은 것 중 가장 작은 변화일 뿐 가장 작은 변화라는 보장은 없고, 그림에서는 부자연스러워 보일 수 있습니다.',
      },
      evidence: ['counterfactual-size'],
      expect: 'high',
    },
  ],
  references: [
    'Wachter, Mittelstadt & Russell 2018, "Counterfactual explanations without opening the black box", Harvard JOLT 31(2)',
    'Laugel et al. 2018, "Comparison-based inverse classification for interpretability in machine learning" (Growing Spheres), IPMU',
  ],
};
