/** integrated-gradients's method card (the site renders it; claims tied to the metrics that measure them). */
import type { MethodCard } from '../types.js';

/** The method card (site): claims from Sundararajan et al. 2017 and Sturmfels et al. 2020. */
export const integratedGradientsCard: MethodCard = {
  summary: {
    en:
      'Gradients averaged along the straight path from a baseline to the input, times the input minus the baseline. The attributions ' +
      'add up to f(input) - f(baseline).',
    ko: '기준 입력에서 실제 입력까지 곧은 경로를 따라 기울기를 평균한 뒤 (입력 − 기준)을 곱합니다. 기여도를 모두 더하면 f(입력) − f(기준)이 됩니다.',
  },
  requirements: { en: 'Gradients, and a baseline input that stands for "absent".', ko: '기울기와, "없음"을 뜻하는 기준 입력이 필요합니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en:
          'Completeness: the attributions account for the change of the output (up to the quadrature error). This holds by ' +
          'construction, so a small completeness gap checks the implementation, not the method: the leaderboard does not rank it on ' +
          'that metric.',
        ko: '완전성: 기여도의 합이 출력의 변화를 설명합니다(수치 적분 오차 범위 안에서). 구성상 성립하는 성질이므로 완전성 차이가 작다는 것은 방법이 아니라 구현을 확인할 뿐이며, 리더보드는 이 지표로 순위를 매기지 않습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'strength',
      text: { en: 'Deterministic.', ko: '결정적입니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Costs one gradient pass per step on the path (50 by default).', ko: '경로의 단계마다 기울기를 한 번씩 계산하므로(기본 50단계) 비용이 큽니다.' },
      evidence: ['gradient-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'The answer depends on the choice of baseline (Sturmfels et al. 2020).',
        ko: '기준 입력을 무엇으로 정하느냐에 따라 결과가 달라집니다(Sturmfels 등 2020).',
      },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Sundararajan, Taly & Yan 2017, "Axiomatic attribution for deep networks", ICML',
    'Sturmfels, Lundberg & Lee 2020, "Visualizing the impact of feature attribution baselines", Distill',
  ],
};
