/** deeplift's method card and its differences from Captum's DeepLift (the site renders them). */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const deepliftDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 DeepLift, baselines=None',
    what: {
      en:
        "The reference is the task's removed-feature baseline (the training mean for standardised tables, black for images), as for " +
        "integrated gradients here; Captum's default is all zeros (baseline=zero gives it).",
      ko:
        '기준 입력은 integrated gradients와 마찬가지로 과제가 정한 "특성 제거" 기준값(표준화된 표는 학습 평균, 이미지는 검은색)입니다. Captum의 기본값은 모두 0이며, ' +
        'baseline=zero로 같게 할 수 있습니다.',
    },
    size: null,
  },
  {
    reference: 'Captum 0.7 DeepLift, MaxPool2d',
    what: {
      en:
        "Max pooling passes the multiplier to each window's maximum on the input (its gradient); Captum rescales it by the pooled " +
        'difference between input and reference, which keeps the sum exact. On the CNNs here the sum can miss f(x) - f(x0) by that part.',
      ko:
        '최대 풀링은 승수를 입력에서 각 창의 최댓값 위치로 넘깁니다(기울기와 같음). Captum은 입력과 기준의 풀링 차이로 재조정해 합을 정확히 유지하므로, ' +
        '여기 CNN에서는 합이 f(x) - f(x0)와 그만큼 어긋날 수 있습니다.',
    },
    size: null,
  },
];

/** The method card (site): claims from Shrikumar et al. 2017 and Sundararajan et al. 2017. */
export const deepliftCard: MethodCard = {
  summary: {
    en:
      'Compares each neuron with its value on a reference input and passes the ratio of output to input differences back (the rescale ' +
      'rule), so the attributions add up to the change of the output from the reference.',
    ko:
      '각 뉴런을 기준 입력에서의 값과 비교하고, 출력 차이와 입력 차이의 비율을 거꾸로 전달합니다(재조정 규칙). 그래서 기여도의 합이 기준 대비 출력의 변화와 같습니다.',
  },
  requirements: {
    en: "The model's layers (a chain of Dense/Conv2D, pooling and activation layers) and a reference input.",
    ko: '모델의 층(Dense/Conv2D, 풀링, 활성화 층이 한 줄로 이어진 구조)과 기준 입력이 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Sums to f(x) - f(reference) exactly (summation-to-delta), with one backward pass.',
        ko: '역전파 한 번으로 기여도의 합이 f(x) - f(기준)과 정확히 같습니다(차이 합산 성질).',
      },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'strength',
      text: {
        en: 'Credits inputs whose gradient is zero at x but that moved the output (saturation), unlike the gradient.',
        ko: 'x에서 기울기가 0이어도 출력을 움직인 입력(포화)에 기여도를 줍니다. 기울기는 그렇지 못합니다.',
      },
      evidence: [],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Not implementation invariant: two networks computing the same function can get different attributions (Sundararajan et al. 2017).',
        ko: '구현 불변성이 없습니다. 같은 함수를 계산하는 두 신경망이 서로 다른 기여도를 받을 수 있습니다(Sundararajan 등 2017).',
      },
      evidence: [],
      expect: 'low',
    },
  ],
  references: [
    'Shrikumar et al. 2017, "Learning important features through propagating activation differences", ICML',
    'Sundararajan et al. 2017, "Axiomatic attribution for deep networks", ICML',
    'Captum DeepLift (captum.ai)',
  ],
};
