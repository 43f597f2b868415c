/**
 * lime's method card (the site renders it; claims tied to the metrics that measure them) and its
 * by-design differences from the peers' reference implementations.
 */
import type { MethodCard, ReferenceDifference } from '../../types.js';

/** Differences from lime, with sizes measured by tools/bench/reference-differences.ts (wasm, mnist-cnn, 16 samples). */
export const limeDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'lime 0.2 LimeImageExplainer with scikit-image quickshift',
    what: {
      en:
        "Quickshift's tie-breaking noise comes from a fixed seed (segmentationSeed=42, scikit-image's random_seed that lime's " +
        "SegmentationAlgorithm keeps, as in lime's MNIST tutorial; explain_instance without a segmentation_fn draws it from the " +
        "explainer's random_state instead); the on/off sampling uses the run seed. Earlier versions drew the noise from the run seed " +
        "too, so on MNIST's flat backgrounds the segments changed with the seed and run-to-run penalised LIME for its segmentation " +
        "rather than its sampling. segmentationSeed=-1 restores that. The noise values are not scikit-image's own (its PCG64 stream is " +
        "not reproduced), so segments match scikit-image's in kind, not pixel for pixel.",
      ko:
        'quickshift의 동률 처리용 잡음은 고정 시드에서 나옵니다(segmentationSeed=42로, lime의 SegmentationAlgorithm이 그대로 두는 scikit-image의 random_seed이며 ' +
        'lime의 MNIST 튜토리얼과 같습니다. segmentation_fn 없이 explain_instance를 부르면 lime은 설명 객체의 random_state에서 시드를 뽑습니다). 켜고 끄는 표본 추출에는 실행 시드를 ' +
        '씁니다. 이전 버전에서는 잡음도 실행 시드에서 나와서, MNIST의 평평한 배경에서는 시드마다 분할이 달라졌고 run-to-run 지표가 LIME의 표본 추출이 아니라 분할 때문에 점수를 깎았습니다. ' +
        'segmentationSeed=-1로 두면 이전처럼 동작합니다. 잡음 값 자체는 scikit-image와 같지 않으므로(PCG64 난수열은 재현하지 않습니다) 분할은 scikit-image와 같은 방식일 뿐 픽셀 단위로 ' +
        '같지는 않습니다.',
    },
    size: {
      en:
        'mnist-cnn, 16 inputs, run seeds 1 and 2: with the run seed all 16 segmentations changed and the two explanations correlated ' +
        'at Spearman 0.61 on average; with the fixed seed none changed and the correlation is 0.94.',
      ko: 'mnist-cnn의 입력 16개를 실행 시드 1과 2로 설명했을 때, 실행 시드를 쓰면 16개 분할이 모두 바뀌었고 두 설명의 스피어먼 상관 평균은 0.61이었습니다. 고정 시드를 쓰면 바뀐 분할이 없고 상관은 0.94입니다.',
    },
  },
];

/** The method card (site): claims from Ribeiro et al. 2016 and Alvarez-Melis & Jaakkola 2018. */
export const limeCard: MethodCard = {
  summary: {
    en:
      'Perturbs the input (superpixels or binned features), fits a small weighted linear model around it, and reports that model\'s ' +
      'weights.',
    ko: '입력(슈퍼픽셀이나 구간으로 나눈 특성)을 흔들어 본 뒤 그 주변에서 가중 선형 모델을 맞추고, 그 모델의 가중치를 설명으로 보여 줍니다.',
  },
  requirements: {
    en: 'Only the model\'s outputs (model-agnostic): no gradients, no layers.',
    ko: '모델의 출력만 있으면 됩니다(모델 비의존적). 기울기나 층 정보는 필요 없습니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: {
        en: 'Intuitive and short: a few superpixels or feature ranges carry the answer.',
        ko: '직관적이고 간결합니다. 몇 개의 슈퍼픽셀이나 특성 구간만으로 답을 보여 줍니다.',
      },
      evidence: ['sparseness'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'Not deterministic: the explanation changes from call to call.', ko: '결정적이지 않습니다. 호출할 때마다 설명이 달라집니다.' },
      evidence: ['run-to-run'],
      expect: 'low',
    },
    {
      kind: 'weakness',
      text: {
        en:
          'Explains one sample with a local surrogate, not the model; nearby inputs can get different explanations (Alvarez-Melis & ' +
          'Jaakkola 2018).',
        ko: '모델이 아니라 한 샘플을 국소 대리 모델로 설명합니다. 가까운 입력인데도 설명이 다를 수 있습니다(Alvarez-Melis와 Jaakkola 2018).',
      },
      evidence: ['max-sensitivity'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'The choice of superpixels changes the answer.', ko: '슈퍼픽셀을 어떻게 나누느냐에 따라 답이 달라집니다.' },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Ribeiro, Singh & Guestrin 2016, "Why should I trust you?", KDD',
    'Alvarez-Melis & Jaakkola 2018, "On the robustness of interpretability methods", ICML workshop',
    'lime (github.com/marcotcr/lime)',
  ],
};
