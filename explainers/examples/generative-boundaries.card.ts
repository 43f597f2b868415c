/** generative-boundaries's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const generativeBoundariesCard: MethodCard = {
  summary: {
    en:
      'Finds the few on/off boundaries of a generator layer that shape a generated sample, then explores the region they enclose with ' +
      'a random tree, returning generated examples that follow the same generation rules.',
    ko: '생성 표본을 결정하는 생성기 층의 몇 안 되는 켜짐/꺼짐 경계를 찾은 뒤, 그 경계가 둘러싼 영역을 무작위 트리로 탐색해 같은 생성 규칙을 따르는 생성 예시를 돌려줍니다.',
  },
  requirements: {
    en:
      'A generator with ReLU layers (its weights and layers), an encoder or a latent for each query, and a classifier to label the ' +
      'samples.',
    ko: 'ReLU 층으로 된 생성기(가중치와 층), 질의마다 잠재 벡터를 얻을 인코더, 표본에 이름을 붙일 분류기가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Every returned sample lies inside the query\'s generative region (by construction).',
        ko: '돌려주는 모든 표본이 질의의 생성 영역 안에 있습니다(구성상 보장).',
      },
      evidence: ['region-membership'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: {
        en: 'More homogeneous samples than epsilon-ball sampling at the same distance from the query.',
        ko: '질의로부터 같은 거리에서 엡실론 공 표본보다 더 동질적인 표본을 줍니다.',
      },
      evidence: ['homogeneity', 'feature-similarity'],
      expect: 'high',
    },
    {
      kind: 'strength',
      text: {
        en: 'The tree with bisection makes every iteration yield a sample, even in high dimensions.',
        ko: '이분 탐색을 곁들인 트리 덕분에 고차원에서도 반복마다 표본을 하나씩 얻습니다.',
      },
      evidence: ['acceptance-efficiency'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Example-based: a person must look at the samples to read the explanation; nothing is summarised.',
        ko: '예시 기반이라 사람이 표본을 직접 봐야 설명을 읽을 수 있으며, 요약되는 것은 없습니다.',
      },
      evidence: [],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Samples stay close to the query, so they are less diverse than unconstrained sampling.',
        ko: '표본이 질의 가까이에 머물러 제약 없는 표본보다 덜 다양합니다.',
      },
      evidence: ['diversity'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Stochastic and costly: a mask optimisation per query and a forward pass per tree step.',
        ko: '확률적이고 비용이 큽니다. 질의마다 마스크 최적화가, 트리 단계마다 순전파가 필요합니다.',
      },
      evidence: ['forward-passes', 'gradient-passes'],
      expect: 'high',
    },
  ],
  references: [
    'Jeon, G., Jeong, H., Choi, J. (2020). An Efficient Explorative Sampling Considering the Generative Boundaries of Deep ' +
    'Generative Neural Networks. AAAI 2020. arXiv:1912.05827.',
    'Maddison, C. J., Mnih, A., Teh, Y. W. (2017). The Concrete Distribution. ICLR 2017 (the relaxed-Bernoulli mask).',
    'LaValle, S. M. (1998). Rapidly-exploring random trees: a new tool for path planning (the RRT).',
  ],
};
