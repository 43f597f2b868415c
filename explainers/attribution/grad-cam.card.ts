/** grad-cam's method card and its differences from Captum's LayerGradCam. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const gradCamDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 LayerGradCam + LayerAttribution.interpolate',
    what: {
      en:
        "The ReLU of the paper is applied (Captum's relu_attributions defaults to False) and the map is upsampled to the input " +
        "bilinearly (Captum returns it at the layer's resolution); each channel of a pixel gets the pixel's value.",
      ko:
        '논문대로 ReLU를 적용하고(Captum의 relu_attributions 기본값은 False), 지도를 입력 크기로 쌍선형 보간해 키웁니다(Captum은 층의 해상도 그대로 돌려줍니다). ' +
        '픽셀의 모든 채널이 그 픽셀의 값을 받습니다.',
    },
    size: null,
  },
];

/** The method card (site): claims from Selvaraju et al. 2017 and Adebayo et al. 2018. */
export const gradCamCard: MethodCard = {
  summary: {
    en:
      "A coarse heat map from a convolutional layer: each feature map weighted by how much the class score rises with it, summed, " +
      'negative parts cut, and stretched to the image size.',
    ko:
      '합성곱 층에서 만든 거친 히트맵입니다. 각 특성 맵에 클래스 점수가 그 맵에 따라 얼마나 오르는지를 가중치로 곱해 더하고, 음수를 잘라 낸 뒤 이미지 크기로 늘립니다.',
  },
  requirements: {
    en: 'A convolutional network (at least one Conv2D layer) and gradients.',
    ko: '합성곱 신경망(Conv2D 층이 하나 이상)과 기울기가 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Class-discriminative: it highlights the region of the class explained.', ko: '클래스를 구별합니다. 설명하는 클래스에 해당하는 영역을 강조합니다.' },
      evidence: ['random-logit'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: "Coarse: its resolution is the conv layer's, so fine detail is lost.",
        ko: '해상도가 합성곱 층의 해상도라서 거칩니다. 세부는 잃어버립니다.',
      },
      evidence: [],
      expect: 'low',
    },
  ],
  references: [
    'Selvaraju et al. 2017, "Grad-CAM: visual explanations from deep networks via gradient-based localization", ICCV',
    'Captum LayerGradCam',
  ],
};
