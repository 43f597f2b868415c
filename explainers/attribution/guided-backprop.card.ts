/** guided-backprop's method card (the site renders it). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Springenberg et al. 2015, Adebayo et al. 2018 and Nie et al. 2018. */
export const guidedBackpropCard: MethodCard = {
  summary: {
    en: 'The gradient with every ReLU letting back only positive signals where its input was positive: sharp, edge-like maps.',
    ko: '각 ReLU가 입력이 양수였던 곳에서 양의 신호만 거꾸로 통과시키는 기울기입니다. 윤곽선처럼 선명한 지도를 만듭니다.',
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
        en: 'Barely changes when the model is randomised: it largely reconstructs the input (Adebayo et al. 2018; Nie et al. 2018).',
        ko: '모델을 무작위로 바꿔도 거의 변하지 않습니다. 대체로 입력을 다시 그려 낼 뿐입니다(Adebayo 등 2018; Nie 등 2018).',
      },
      evidence: ['mprt'],
      expect: 'high',
    },
  ],
  references: [
    'Springenberg et al. 2015, "Striving for simplicity: the all convolutional net", ICLR workshop',
    'Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS',
    'Nie et al. 2018, "A theoretical explanation for perplexing behaviors of backpropagation-based visualizations", ICML',
  ],
};
