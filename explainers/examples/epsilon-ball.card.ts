/** epsilon-ball's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

export const epsilonBallCard: MethodCard = {
  summary: {
    en: 'Generated examples from latents drawn uniformly in a small ball around the query: the simple baseline of example generation.',
    ko: '질의 주변의 작은 잠재 공간 공에서 균등하게 뽑은 잠재 벡터로 만든 생성 예시입니다. 예시 생성의 단순한 기준선입니다.',
  },
  requirements: { en: 'A generator and a latent (or an encoder) for each query.', ko: '생성기와 질의마다의 잠재 벡터(또는 인코더)가 필요합니다.' },
  claims: [
    {
      kind: 'weakness',
      text: {
        en: 'Ignores the generator\'s boundaries: many samples leave the query\'s generative region.',
        ko: '생성기의 경계를 무시하므로 많은 표본이 질의의 생성 영역을 벗어납니다.',
      },
      evidence: ['region-membership'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Less homogeneous than boundary-aware sampling at the same distance (the claim of Jeon et al.).',
        ko: '같은 거리에서 경계를 고려한 표본보다 덜 동질적입니다(Jeon 등의 주장).',
      },
      evidence: ['homogeneity'],
      expect: 'low',
    },
  ],
  references: ['Jeon, G., Jeong, H., Choi, J. (2020). AAAI 2020, arXiv:1912.05827 (the epsilon-based sampling baseline).'],
};
