/** deepred's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const deepredCard: MethodCard = {
  summary: {
    en:
      'DeepRED: rules extracted layer by layer. A decision tree explains each hidden unit from the layer below; substituting them from ' +
      'the output down gives IF-THEN rules over the inputs.',
    ko: 'DeepRED: 층마다 규칙을 추출합니다. 결정 트리가 각 은닉 유닛을 아래 층으로 설명하고, 출력에서부터 차례로 대입해 입력에 대한 IF-THEN 규칙을 얻습니다.',
  },
  requirements: {
    en: "The network's Dense layers and weights (ReLU, sigmoid or tanh units), and training data.",
    ko: '신경망의 완전연결(Dense) 층과 가중치(ReLU, 시그모이드, tanh 유닛), 그리고 학습 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en:
        'Decompositional: follows the network\'s own hidden units, so it can recover interactions such as XOR that greedy trees on the ' +
        'inputs miss.', ko: '분해적 방법: 신경망의 은닉 유닛을 그대로 따라가므로, 입력 위의 탐욕적 트리가 놓치는 XOR 같은 상호작용도 찾을 수 있습니다.' },
      evidence: ['rule-fidelity'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Rules explode with depth and width: substitution multiplies clauses, so budgets cut them and fidelity can drop.',
        ko: '깊이와 폭에 따라 규칙이 폭발적으로 늘어납니다. 대입이 절을 곱해 늘리므로 예산으로 잘라야 하고, 그만큼 충실도가 떨어질 수 있습니다.',
      },
      evidence: ['rule-count', 'rule-length', 'extraction-seconds'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Incomplete: the substituted rules need not cover every input; the default rule decides the rest.',
        ko: '불완전합니다. 대입된 규칙이 모든 입력을 덮지는 않으며, 나머지는 기본 규칙이 결정합니다.',
      },
      evidence: ['rule-coverage'],
      expect: 'low',
    },
  ],
  references: [
    'Zilke, Loza Mencía & Janssen 2016, "DeepRED – Rule extraction from deep neural networks", Discovery Science, LNCS 9956',
    'Quinlan 1993, "C4.5: Programs for Machine Learning", Morgan Kaufmann',
    'DNN-RE (github.com/sumaiyah/DNN-RE) and REMIX (github.com/mateoespinosa/remix) re-implementations',
  ],
};
