/**
 * lrp's method card (the site renders it; claims tied to the metrics that measure them) and its
 * by-design differences from the peers' reference implementations.
 */
import type { MethodCard, ReferenceDifference } from '../../types.js';

/**
 * Differences from zennit (src/zennit/rules.py, composites.py), with the sizes measured by
 * tools/bench/reference-differences.ts (tools/bench/results/reference-differences.json: wasm, 32 test samples per
 * CNN, relative L2 distance ||a − b|| / ||b|| between the two attribution maps, median and max).
 */
export const lrpDifferences: readonly ReferenceDifference[] = [
  {
    reference: 'Zennit 0.5 ZPlus and WSquare',
    status: 'matched',
    what: {
      en:
        'zplus now adds the positive bias b⁺ to its positive side and wsquare adds b² to its denominator, as Zennit does; earlier ' +
        'versions left the bias out of both (the deep Taylor decomposition form, still available as plusBias=false), which made ' +
        'epsilon-plus-flat differ from Zennit by 0.7–12% on the CNNs. What remains is Zennit\'s stabiliser ε = 1e-6 in these ' +
        'denominators (0 here).',
      ko:
        '이제 zplus는 양의 편향(b⁺)을 양의 쪽에 더하고, wsquare는 편향의 제곱(b²)을 분모에 더합니다. Zennit과 같은 방식입니다. 이전 버전에서는 둘 다 편향을 빼고 계산해서(심층 테일러 분해 형태이며, 지금도 ' +
        'plusBias=false로 쓸 수 있습니다) CNN에서 epsilon-plus-flat이 Zennit과 0.7–12% 달랐습니다. 남은 차이는 이 분모에 Zennit이 넣는 안정화 항 ε = 1e-6뿐입니다(여기서는 0).',
    },
    size: {
      en:
        'Not re-measured against Zennit itself. The bias is what moved: with against without it, epsilon-plus-flat differs by a median ' +
        'relative L2 of 0.3% on mnist-cnn, 9.5% on mnist-cnn-deep and 1.3% on synth-pattern-cnn (max 12.8%); a w² first layer by 0.6%, ' +
        '11.2% and 1.6%.',
      ko:
        'Zennit 자체와는 다시 재지 않았습니다. 바뀐 것은 편향입니다. 편향을 넣을 때와 뺄 때 epsilon-plus-flat의 상대 L2 거리 중앙값은 mnist-cnn에서 0.3%, mnist-cnn-deep에서 9.5%, ' +
        'synth-pattern-cnn에서 1.3%입니다(최대 12.8%). 첫 층을 w²로 바꾸면 각각 0.6%, 11.2%, 1.6%입니다.',
    },
  },
  {
    reference: 'Zennit 0.5 composites (max pooling through autograd)',
    what: {
      en:
        'Tied maxima of a max-pooling window share its relevance equally (maxPoolTies=split, lrp_toolbox\'s convention); Zennit gives ' +
        'MaxPool no rule, so the autograd gradient hands all of it to one winner (maxPoolTies=first). Ties are common: on flat ' +
        'backgrounds a ReLU of the bias gives equal activations.',
      ko:
        '최대 풀링 창에서 최댓값이 여럿 같으면 관련성을 똑같이 나눕니다(maxPoolTies=split, lrp_toolbox의 규칙). Zennit은 MaxPool에 규칙을 두지 않아 자동 미분의 기울기가 한 승자에게 전부 ' +
        '줍니다(maxPoolTies=first). 동률은 흔합니다. 평평한 배경에서는 편향의 ReLU 값이 모두 같기 때문입니다.',
    },
    size: {
      en:
        'Default composite (epsilon-gamma-box), split against first: median relative L2 1.0% on mnist-cnn, 10.5% on mnist-cnn-deep, ' +
        '5.7% on synth-pattern-cnn (max 24.3%); epsilon-plus-flat 0.4%, 7.1%, 1.8%.',
      ko:
        '기본 조합(epsilon-gamma-box)에서 split과 first의 상대 L2 거리 중앙값은 mnist-cnn 1.0%, mnist-cnn-deep 10.5%, synth-pattern-cnn 5.7%입니다(최대 ' +
        '24.3%). epsilon-plus-flat에서는 0.4%, 7.1%, 1.8%입니다.',
    },
  },
  {
    reference: 'Zennit 0.5 Gamma',
    what: {
      en:
        'gamma is the textbook a·(w + γw⁺) rule (Montavon et al. 2019) for every unit. Zennit\'s generalised Gamma uses w + γw⁻ for ' +
        'units with a negative output and pairs negative inputs with the other sign, so the two agree only on non-negative inputs and ' +
        'positive outputs. On the zoo\'s CNNs every γ layer takes post-ReLU inputs and feeds a ReLU, so units with a negative output ' +
        'carry no relevance and the difference is expected to vanish there.',
      ko:
        'gamma는 모든 유닛에 교과서적인 a·(w + γw⁺) 규칙(Montavon 등 2019)을 씁니다. Zennit의 일반화 Gamma는 출력이 음수인 유닛에 w + γw⁻ 형태를 쓰고 음의 입력은 반대 부호와 짝짓기 ' +
        '때문에, 두 규칙은 입력이 음수가 아니고 출력이 양수일 때만 같습니다. 벤치마크에 포함된 CNN에서는 모든 γ 층이 ReLU를 거친 입력을 받고 출력도 ReLU로 이어지므로, 출력이 음수인 유닛에는 관련성이 가지 않아 차이가 ' +
        '사라질 것으로 봅니다.',
    },
    size: null,
  },
];

/** The method card (site): Bach et al. 2015, Montavon et al. 2017/2019, Sixt et al. 2020. */
export const lrpCard: MethodCard = {
  summary: {
    en:
      'Layer-wise relevance propagation: the target logit is passed back layer by layer with conservation rules, giving relevance per ' +
      'input and per hidden unit.',
    ko: '층별 관련성 전파(LRP): 목표 로짓을 보존 규칙에 따라 층마다 거꾸로 나눠 보내, 입력과 은닉 유닛마다 관련성을 구합니다.',
  },
  requirements: {
    en: 'The model\'s layers and weights (model-specific): Dense, Conv2D, pooling and normalisation layers.',
    ko: '모델의 층과 가중치가 필요합니다(모델 특화). Dense, Conv2D, 풀링, 정규화 층을 지원합니다.',
  },
  claims: [
    {
      kind: 'strength',
      text: { en: 'Relevance is (nearly) conserved from the output to the input.', ko: '출력에서 입력까지 관련성이 (거의) 보존됩니다.' },
      evidence: ['completeness-gap'],
      expect: 'low',
    },
    {
      kind: 'strength',
      text: { en: 'Deterministic and cheap: one modified backward pass.', ko: '결정적이고 저렴합니다. 변형된 역전파 한 번이면 됩니다.' },
      evidence: ['run-to-run'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'Some rules hardly depend on the class being explained (Sixt et al. 2020, "When explanations lie").',
        ko: '일부 규칙은 설명하려는 클래스에 거의 영향을 받지 않습니다(Sixt 등 2020, 「설명이 거짓말을 할 때」).',
      },
      evidence: ['random-logit'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: {
        en: 'A heatmap is not an explanation of the concept; relevance near the output is hard to read.',
        ko: '히트맵은 개념을 설명하지 않습니다. 출력층에 가까운 관련성은 읽기 어렵습니다.',
      },
      evidence: [],
      expect: 'high',
    },
  ],
  references: [
    'Bach et al. 2015, "On pixel-wise explanations for non-linear classifier decisions by layer-wise relevance propagation", PLOS ONE',
    'Montavon et al. 2017, "Explaining nonlinear classification decisions with deep Taylor decomposition", Pattern Recognition',
    'Montavon et al. 2019, "Layer-wise relevance propagation: an overview", LNCS 11700',
    'Sixt, Granz & Landgraf 2020, "When explanations lie: why many modified BP attributions fail", ICML',
  ],
};
