/** guided-grad-cam's method card and its differences from Captum's GuidedGradCam. */
import type { MethodCard, ReferenceDifference } from '../types.js';

export const guidedGradCamDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Captum 0.7 GuidedGradCam',
    what: {
      en: "The Grad-CAM map is upsampled bilinearly, as the paper does; Captum's interpolate_mode defaults to nearest.",
      ko: 'Grad-CAM 지도는 논문대로 쌍선형 보간으로 키웁니다. Captum의 interpolate_mode 기본값은 최근접 보간입니다.',
    },
    size: null,
  },
];

/** The method card (site): claims from Selvaraju et al. 2017 and Adebayo et al. 2018. */
export const guidedGradCamCard: MethodCard = {
  summary: {
    en: "Guided backpropagation's sharp map masked by Grad-CAM's coarse class map: fine detail, but only where the class is.",
    ko: '유도 역전파의 선명한 지도에 Grad-CAM의 거친 클래스 지도를 곱합니다. 세부는 살리되 해당 클래스가 있는 곳만 남깁니다.',
  },
  requirements: {
    en: 'A convolutional network (at least one Conv2D layer) and its layers.',
    ko: '합성곱 신경망(Conv2D 층이 하나 이상)과 그 층들이 필요합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Both high-resolution and class-discriminative.', ko: '해상도가 높으면서도 클래스를 구별합니다.' },
      evidence: ['random-logit'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Inherits guided backpropagation\'s insensitivity to the model\'s weights (Adebayo et al. 2018).',
        ko: '유도 역전파가 모델 가중치에 둔감한 성질을 그대로 물려받습니다(Adebayo 등 2018).',
      },
      evidence: ['mprt'],
      expect: 'high',
    },
  ],
  references: [
    'Selvaraju et al. 2017, "Grad-CAM: visual explanations from deep networks via gradient-based localization", ICCV',
    'Adebayo et al. 2018, "Sanity checks for saliency maps", NeurIPS',
    'Captum GuidedGradCam',
  ],
};
