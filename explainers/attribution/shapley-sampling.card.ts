/** shapley-sampling's method card and its differences from Captum's ShapleyValueSampling. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const shapleySamplingDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 ShapleyValueSampling',
    what: {
      en:
        "Players are switched from the task's removed-feature baseline (Captum's default: zeros; baseline=zero gives it), the target " +
        'logit is explained, and image pixels are grouped into 4x4 grid cells (Captum takes a feature_mask from the user, every element its own player otherwise).',
      ko:
        '참여자는 과제가 정한 "특성 제거" 기준값에서 바뀝니다(Captum 기본값은 0이며 baseline=zero로 같게 할 수 있습니다). 설명 대상은 목표 로짓이고, ' +
        '이미지 픽셀은 4x4 격자 칸으로 묶습니다(Captum은 사용자의 feature_mask를 받고, 없으면 값 하나하나가 참여자입니다).',
    },
    size: null,
  },
];

/** The method card (site): claims from Castro et al. 2009 and Shapley 1953. */
export const shapleySamplingCard: MethodCard = {
  summary: {
    en: 'Shapley values estimated by adding the features in random orders and averaging the change each one causes when it joins.',
    ko: '특성을 무작위 순서로 하나씩 넣으며 각 특성이 들어올 때 생기는 변화를 평균해 섀플리 값을 추정합니다.',
  },
  requirements: { en: 'Model outputs only.', ko: '모델 출력만 있으면 됩니다.' },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Sums exactly to f(x) - f(baseline) for any number of orderings.',
        ko: '순서를 몇 개 뽑든 기여도의 합이 f(x) - f(기준)과 정확히 같습니다.',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Costs one forward pass per player and ordering (25 orderings by default).',
        ko: '참여자와 순서마다 순전파를 한 번씩 하므로(기본 25개 순서) 비용이 큽니다.',
      },
      evidence: ['forward-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Random: the orderings are drawn, so two seeds give different values.', ko: '순서를 무작위로 뽑으므로 시드가 다르면 값도 다릅니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
  ],
  references: [
    'Castro et al. 2009, "Polynomial calculation of the Shapley value based on sampling", Computers & Operations Research',
    'Captum ShapleyValueSampling',
  ],
};
