/**
 * occlusion's method card (the site renders it; claims tied to the metrics that measure them) and its
 * by-design differences from the peers' reference implementations.
 */
import type { MethodCard, ReferenceDifference } from '../types.js';

/** Captum's edge windows, now followed. */
export const occlusionDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 Occlusion',
    status: 'matched',
    what: {
      en:
        "Windows along each axis are placed as Captum places them: ceil((size − window) / stride) + 1 of them, at multiples of the " +
        "stride, the last one cropped where it runs past the edge. Earlier versions put an extra window flush with the edge instead " +
        "(and its comment wrongly said Captum leaves the edge uncovered).",
      ko:
        '각 축의 창은 Captum과 같은 방식으로 놓습니다. 보폭의 배수 위치에 ceil((크기 − 창) / 보폭) + 1개를 두고, 가장자리를 넘는 마지막 창은 잘라 냅니다. 이전 버전에서는 그 대신 가장자리에 딱 맞춘 창을 하나 ' +
        '더 두었습니다(코드 주석도 Captum이 가장자리를 덮지 않는다고 잘못 적었습니다).',
    },
    size: {
      en:
        "No change at the defaults: on the zoo's 28x28 images (window 4, stride 2) and 8x8 images (window 1, stride 1) the windows " +
        "tile exactly (occlusion.test.ts). Other window and stride choices move.",
      ko: '기본값에서는 달라지지 않습니다. 28x28 이미지(창 4, 보폭 2)와 8x8 이미지(창 1, 보폭 1)에서는 창이 딱 맞게 깔리기 때문입니다(occlusion.test.ts). 다른 창 크기와 보폭에서는 값이 바뀝니다.',
    },
  },
];

/** The method card (site): claims from Zeiler & Fergus 2014 and Ancona et al. 2018. */
export const occlusionCard: MethodCard = {
  summary: {
    en: 'Hide one patch (or one feature) at a time and record how much the target logit drops.',
    ko: '입력의 한 부분(또는 특성 하나)을 차례로 가리고 목표 로짓이 얼마나 떨어지는지 기록합니다.',
  },
  requirements: {
    en: 'Only the model\'s outputs (model-agnostic), and a baseline value for hidden inputs.',
    ko: '모델의 출력만 있으면 됩니다(모델 비의존적). 가린 부분에 넣을 기준값이 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Measures the effect of removal directly, which is what deletion tests check.',
        ko: '제거했을 때의 효과를 직접 재므로 삭제 검사가 확인하는 바로 그 성질을 갖습니다.',
      },
      evidence: ['deletion-auc'],
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
      text: { en: 'One forward pass per window position: slow on large inputs.', ko: '창 위치마다 순전파가 한 번 필요해 입력이 크면 느립니다.' },
      evidence: ['forward-passes'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'The window size sets the resolution and changes the answer (Ancona et al. 2018).',
        ko: '창 크기가 해상도를 정하며, 창 크기에 따라 결과가 달라집니다(Ancona 등 2018).',
      },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Zeiler & Fergus 2014, "Visualizing and understanding convolutional networks", ECCV',
    'Ancona et al. 2018, "Towards better understanding of gradient-based attribution methods", ICLR',
  ],
};
