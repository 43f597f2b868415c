/** deconvnet's method card (the site renders it). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Zeiler & Fergus 2014 and Nie et al. 2018. */
export const deconvnetCard: MethodCard = {
  summary: {
    en: "The output signal sent back through the network with every ReLU passing only positive signals, ignoring the forward pass's on/off pattern.",
    ko: '출력 신호를 신경망을 따라 거꾸로 보내되, 각 ReLU는 순전파의 켜짐/꺼짐과 상관없이 양의 신호만 통과시킵니다.',
  },
  requirements: { en: "The model's layers (a chain of Dense/Conv2D, pooling and activation layers).", ko: '모델의 층(Dense/Conv2D, 풀링, 활성화 층이 한 줄로 이어진 구조)이 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Deterministic and as cheap as one gradient.', ko: '결정적이며 기울기 한 번만큼 저렴합니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Hardly depends on the class explained or the weights of the top layers (Nie et al. 2018).',
        ko: '설명하는 클래스나 위쪽 층의 가중치에 거의 좌우되지 않습니다(Nie 등 2018).',
      },
      evidence: ['mprt', 'random-logit'],
      expect: 'high',
    },
  ],
  references: [
    'Zeiler & Fergus 2014, "Visualizing and understanding convolutional networks", ECCV',
    'Nie et al. 2018, "A theoretical explanation for perplexing behaviors of backpropagation-based visualizations", ICML',
  ],
};
