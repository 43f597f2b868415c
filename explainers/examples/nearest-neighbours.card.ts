/** nearest-neighbours's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const nearestNeighboursCard: MethodCard = {
  summary: {
    en:
      'Shows the training examples the model finds most similar to the input, with their true labels: "it looks like these, which were ' +
      'labelled 7".',
    ko: '모델이 보기에 입력과 가장 비슷한 학습 예시를 정답과 함께 보여 줍니다. "정답이 7인 이 예시들과 닮았어요" 하는 식입니다.',
  },
  requirements: {
    en: 'The model\'s inner layers (to measure similarity as the model sees it) and the labelled training data.',
    ko: '모델의 안쪽 층(모델이 보는 방식으로 비슷함을 재기 위해)과 정답이 달린 학습 데이터가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Neighbours in the model\'s feature space mostly share the predicted class when the prediction is well supported.',
        ko: '예측이 잘 뒷받침될 때 모델의 특성 공간에서 가까운 이웃은 대부분 예측한 클래스와 같습니다.',
      },
      evidence: ['neighbour-label-agreement'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Says which examples are similar, not which parts of the input mattered.',
        ko: '어떤 예시가 비슷한지는 말해 주지만 입력의 어느 부분이 중요했는지는 말해 주지 않습니다.',
      },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Papernot & McDaniel 2018, "Deep k-Nearest Neighbors: Towards Confident, Interpretable and Robust Deep Learning", arXiv:1803.04765',
    'Kenny & Keane 2021, "Explaining black-box classifiers using post-hoc explanations-by-example", Artificial Intelligence 294',
  ],
};
