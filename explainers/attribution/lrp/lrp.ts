/**
 * Layer-wise Relevance Propagation (Bach et al. 2015; Montavon et al. 2019), methods.md §2: the target
 * logit is redistributed layer by layer down to the input with the rule of each Dense/Conv2D layer
 * (composites.ts, rules.ts), max pooling winner-take-all, average pooling proportionally, BatchNorm
 * folded into the layer before it. Each explanation reports its conservation: Σ input relevance against
 * the explained logit (exact only for bias-free nets with conservative rules, §2.5).
 *
 * Default composite: epsilon-gamma-box, the best-practice composite of Kohlbrenner et al. (2020) for
 * CNNs and zennit's usual choice. Of the three it is the one that also suits MLPs and tabular models:
 * z^B on the first layer uses the known input range and depends on the input, whereas `flat` on a first
 * Dense layer spreads every unit's relevance evenly over all inputs, whatever their values.
 *
 * z^B bounds (`low`, `high`): 'auto' is [0, 1] for images (pixels in [0, 1]); for tabular tasks the
 * per-feature min and max of the background data, or [−3, 3] (standardised features) without one. The
 * bounds are always widened to contain the explained input, since z^B needs low ≤ x ≤ high.
 *
 * Against zennit: z⁺ and w² include the bias as zennit's do (plusBias); max-pool ties are split
 * (maxPoolTies); γ is the textbook rule. `differences` below states each with its measured size.
 */
import * as tf from '@tensorflow/tfjs';
import type { TaskView } from '../../../datasets/task.js';
import { type Batch, sizeOf } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { bool, num, oneOf, str } from '../../../core/params.js';
import type { AttributionExplainer, MethodCard, ReferenceDifference } from '../../types.js';
import { COMPOSITES, assignRules } from './composites.js';
import { layerNames, planFor } from './plan.js';
import { propagate } from './propagate.js';
import { RULES } from './rules.js';

const BOUND = /^(auto|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)$/;

const params = {
  composite: oneOf(COMPOSITES, 'epsilon-gamma-box', 'rule per layer type: first layer / Conv2D / Dense (see explainers/attribution/lrp/composites.ts)'),
  rule: str({
    default: '',
    pattern: new RegExp(`^(|${RULES.join('|')})$`),
    patternHint: `'' (use the composite) or one of ${RULES.join(', ')}`,
    description: 'one rule for every Dense/Conv2D layer, overriding the composite',
  }),
  rules: str({
    default: '',
    pattern: /^$|^[^:,]+:[a-z0-9]+(,[^:,]+:[a-z0-9]+)*$/,
    patternHint: 'layer:rule,layer:rule (e.g. conv_1:gamma,output:epsilon)',
    description: 'per-layer rules, overriding rule and composite; layer names are checked against the model',
  }),
  epsilon: num({ default: 1e-6, min: 0, description: 'ε of the epsilon rule (zennit default)' }),
  gamma: num({ default: 0.25, min: 0, description: 'γ of the gamma rule (zennit and Montavon 2019 default)' }),
  alpha: num({ default: 2, min: 1, description: 'α of the alphabeta rule; alpha − beta must be 1' }),
  beta: num({ default: 1, min: 0, description: 'β of the alphabeta rule' }),
  low: str({ default: 'auto', pattern: BOUND, patternHint: "'auto' or a number", description: 'z^B lower input bound (auto: 0 for images, background min or −3 for tabular)' }),
  high: str({ default: 'auto', pattern: BOUND, patternHint: "'auto' or a number", description: 'z^B upper input bound (auto: 1 for images, background max or 3 for tabular)' }),
  layer: str({ default: '', description: "also return the relevance at this layer's output ('' for none)" }),
  plusBias: bool({ default: true, description: "zplus adds b⁺ and wsquare b² to the denominator, as zennit's ZPlus and WSquare do (false: the bias-free DTD forms)" }),
  maxPoolTies: oneOf(['split', 'first'] as const, 'split', "tied maxima of a max-pool window share its relevance equally (split) or the first in row-major order takes it (first: the autograd choice zennit inherits)"),
} as const;

/** Per-element z^B bounds before widening to the input. */
function baseBounds(task: TaskView, low: string, high: string): { low: Float32Array; high: Float32Array } {
  const d = sizeOf(task.sampleShape);
  const fill = (v: number) => new Float32Array(d).fill(v);
  const auto = (which: 'low' | 'high'): Float32Array => {
    if (task.kind === 'image') return fill(which === 'low' ? 0 : 1);
    const bg = task.background;
    if (!bg || bg.n === 0) return fill(which === 'low' ? -3 : 3);
    const out = fill(which === 'low' ? Infinity : -Infinity);
    for (let i = 0; i < bg.n; i++) {
      for (let j = 0; j < d; j++) {
        const v = bg.data[i * d + j];
        out[j] = which === 'low' ? Math.min(out[j], v) : Math.max(out[j], v);
      }
    }
    return out;
  };
  const l = low === 'auto' ? auto('low') : fill(Number(low));
  const h = high === 'auto' ? auto('high') : fill(Number(high));
  // A feature that never varies in the background (a blank border pixel) has low = high under 'auto':
  // harmless, its z^B terms are zero at that value (and the bounds widen to any input that differs).
  // Bounds the user gives must form a proper interval.
  const given = low !== 'auto' || high !== 'auto';
  if (l.some((v, j) => (given ? !(v < h[j]) : !(v <= h[j])))) throw new UserError(`--set lrp.low=${low} / lrp.high=${high}: low must be below high`);
  return { low: l, high: h };
}

/**
 * Differences from zennit (src/zennit/rules.py, composites.py), with the sizes measured by
 * tools/bench/reference-differences.ts (tools/bench/results/reference-differences.json: wasm, 32 test samples per
 * CNN, relative L2 distance ||a − b|| / ||b|| between the two attribution maps, median and max).
 */
const differences: readonly ReferenceDifference[] = [
  {
    reference: 'Zennit 0.5 ZPlus and WSquare',
    status: 'matched',
    what: {
      en: 'zplus now adds the positive bias b⁺ to its positive side and wsquare adds b² to its denominator, as Zennit does; before issue 18 both left the bias out (the deep Taylor decomposition form, still available as plusBias=false), which made epsilon-plus-flat differ from Zennit by 0.7–12% on the CNNs. What remains is Zennit\'s stabiliser ε = 1e-6 in these denominators (0 here).',
      ko: '이제 zplus는 양의 편향(b⁺)을 양의 쪽에 더하고, wsquare는 편향의 제곱(b²)을 분모에 더합니다. Zennit과 같은 방식입니다. 이슈 18 이전에는 둘 다 편향을 빼고 계산해서(심층 테일러 분해 형태이며, 지금도 plusBias=false로 쓸 수 있습니다) CNN에서 epsilon-plus-flat이 Zennit과 0.7–12% 달랐습니다. 남은 차이는 이 분모에 Zennit이 넣는 안정화 항 ε = 1e-6뿐입니다(여기서는 0).',
    },
    size: {
      en: 'Not re-measured against Zennit itself. The bias is what moved: with against without it, epsilon-plus-flat differs by a median relative L2 of 0.3% on mnist-cnn, 9.5% on mnist-cnn-deep and 1.3% on synth-pattern-cnn (max 12.8%); a w² first layer by 0.6%, 11.2% and 1.6%.',
      ko: 'Zennit 자체와는 다시 재지 않았습니다. 바뀐 것은 편향입니다. 편향을 넣을 때와 뺄 때 epsilon-plus-flat의 상대 L2 거리 중앙값은 mnist-cnn에서 0.3%, mnist-cnn-deep에서 9.5%, synth-pattern-cnn에서 1.3%입니다(최대 12.8%). 첫 층을 w²로 바꾸면 각각 0.6%, 11.2%, 1.6%입니다.',
    },
  },
  {
    reference: 'Zennit 0.5 composites (max pooling through autograd)',
    what: {
      en: 'Tied maxima of a max-pooling window share its relevance equally (maxPoolTies=split, lrp_toolbox\'s convention); Zennit gives MaxPool no rule, so the autograd gradient hands all of it to one winner (maxPoolTies=first). Ties are common: on flat backgrounds a ReLU of the bias gives equal activations.',
      ko: '최대 풀링 창에서 최댓값이 여럿 같으면 관련성을 똑같이 나눕니다(maxPoolTies=split, lrp_toolbox의 규칙). Zennit은 MaxPool에 규칙을 두지 않아 자동 미분의 기울기가 한 승자에게 전부 줍니다(maxPoolTies=first). 동점은 흔합니다. 평평한 배경에서는 편향의 ReLU 값이 모두 같기 때문입니다.',
    },
    size: {
      en: 'Default composite (epsilon-gamma-box), split against first: median relative L2 1.0% on mnist-cnn, 10.5% on mnist-cnn-deep, 5.7% on synth-pattern-cnn (max 24.3%); epsilon-plus-flat 0.4%, 7.1%, 1.8%.',
      ko: '기본 조합(epsilon-gamma-box)에서 split과 first의 상대 L2 거리 중앙값은 mnist-cnn 1.0%, mnist-cnn-deep 10.5%, synth-pattern-cnn 5.7%입니다(최대 24.3%). epsilon-plus-flat에서는 0.4%, 7.1%, 1.8%입니다.',
    },
  },
  {
    reference: 'Zennit 0.5 Gamma',
    what: {
      en: 'gamma is the textbook a·(w + γw⁺) rule (Montavon et al. 2019) for every unit. Zennit\'s generalised Gamma uses w + γw⁻ for units with a negative output and pairs negative inputs with the other sign, so the two agree only on non-negative inputs and positive outputs. On the zoo\'s CNNs every γ layer takes post-ReLU inputs and feeds a ReLU, so units with a negative output carry no relevance and the difference is expected to vanish there.',
      ko: 'gamma는 모든 유닛에 교과서적인 a·(w + γw⁺) 규칙(Montavon 외 2019)을 씁니다. Zennit의 일반화 Gamma는 출력이 음수인 유닛에 w + γw⁻ 형태를 쓰고 음의 입력은 반대 부호와 짝짓기 때문에, 두 규칙은 입력이 음수가 아니고 출력이 양수일 때만 같습니다. 벤치마크에 포함된 CNN에서는 모든 γ 층이 ReLU를 거친 입력을 받고 출력도 ReLU로 이어지므로, 출력이 음수인 유닛에는 관련성이 가지 않아 차이가 사라질 것으로 봅니다.',
    },
    size: null,
  },
];

/** The method card (site): the seed's table (MISSION.md), Bach et al. 2015, Montavon et al. 2017/2019, Sixt et al. 2020. */
const card: MethodCard = {
  summary: {
    en: 'Layer-wise relevance propagation: the target logit is passed back layer by layer with conservation rules, giving relevance per input and per hidden unit.',
    ko: '층별 관련성 전파(LRP): 목표 로짓을 보존 규칙에 따라 층마다 거꾸로 나눠 보내, 입력과 은닉 유닛마다 관련성을 구합니다.',
  },
  requirements: { en: 'The model\'s layers and weights (model-specific): Dense, Conv2D, pooling and normalisation layers.', ko: '모델의 층과 가중치가 필요합니다(모델 특화). Dense, Conv2D, 풀링, 정규화 층을 지원합니다.' },
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
        ko: '일부 규칙은 설명하려는 클래스에 거의 영향을 받지 않습니다(Sixt 외 2020, "When explanations lie").',
      },
      evidence: ['random-logit'],
      expect: 'high',
    },
    {
      kind: 'weakness',
      text: { en: 'A heatmap is not an explanation of the concept; relevance near the output is hard to read.', ko: '히트맵은 개념을 설명하지 않습니다. 출력층에 가까운 관련성은 읽기 어렵습니다.' },
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

export const lrpExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'lrp',
  family: 'attribution',
  description:
    'Layer-wise Relevance Propagation of the target logit (rules per layer from a composite). z⁺ and w² include the bias as Zennit does; ' +
    'by design, tied max-pool maxima share relevance equally (Zennit: one winner; 1–10% median relative L2 on the CNNs) and γ is the textbook rule ' +
    '(Zennit generalises it on negative outputs; not measured).',
  needs: ['layers'],
  output: 'logit',
  deterministic: true,
  card,
  differences,
  params,
  explain({ ctx, batch, targets, params: p }) {
    const engine = ctx.engine;
    const shape = engine.inputShape;
    if (batch.sampleShape.length !== shape.length || batch.sampleShape.some((v, i) => v !== shape[i])) {
      throw new RangeError(`input shape [${batch.sampleShape.join(', ')}] does not match the model's [${shape.join(', ')}]`);
    }
    if (Math.abs(p.alpha - p.beta - 1) > 1e-9) throw new UserError(`--set lrp.alpha=${p.alpha} lrp.beta=${p.beta}: alpha − beta must be 1`);
    const plan = planFor(engine.model);
    const rules = assignRules(plan, p);
    if (p.layer !== '' && !layerNames(plan).includes(p.layer)) {
      throw new UserError(`--set lrp.layer=${p.layer}: no such layer in the model (layers: ${layerNames(plan).join(', ')})`);
    }
    const bounds = baseBounds(ctx.task, p.low, p.high);
    const settings = { epsilon: p.epsilon, gamma: p.gamma, alpha: p.alpha, beta: p.beta, plusBias: p.plusBias };
    const d = sizeOf(batch.sampleShape);
    const attributions = new Float32Array(batch.n * d);
    const logits = new Float32Array(batch.n);
    let hidden: { shape: number[]; relevance: Float32Array } | null = null;
    for (let start = 0; start < batch.n; start += engine.batchSize) {
      const m = Math.min(engine.batchSize, batch.n - start);
      tf.tidy(() => {
        const x = tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape]);
        const t = tf.tensor1d(Int32Array.from(targets.subarray(start, start + m)), 'int32');
        const one = [1, ...batch.sampleShape];
        const inputBounds = {
          low: tf.minimum(tf.tensor(bounds.low, one), x),
          high: tf.maximum(tf.tensor(bounds.high, one), x),
        };
        const res = propagate(plan, x, t, { rules, settings, inputBounds, layer: p.layer, maxPoolTies: p.maxPoolTies });
        attributions.set(res.input.dataSync(), start * d);
        logits.set(res.logit.dataSync(), start);
        if (res.hidden) {
          const hs = res.hidden.shape.slice(1);
          hidden ??= { shape: hs, relevance: new Float32Array(batch.n * sizeOf(hs)) };
          hidden.relevance.set(res.hidden.dataSync(), start * sizeOf(hs));
        }
      });
    }
    engine.count({ forwardPasses: batch.n, gradientPasses: batch.n });
    const ruleTable = Object.fromEntries(rules);
    const extras = Array.from({ length: batch.n }, (_, i) => {
      let sum = 0;
      for (let k = i * d; k < (i + 1) * d; k++) sum += attributions[k];
      const gap = sum - logits[i];
      return {
        conservation: { inputRelevanceSum: sum, logit: logits[i], gap, relativeGap: logits[i] === 0 ? null : gap / Math.abs(logits[i]) },
        composite: p.rule === '' ? p.composite : null,
        rules: ruleTable,
      };
    });
    const h = hidden as { shape: number[]; relevance: Float32Array } | null;
    return { attributions, extras, ...(h ? { layer: { name: p.layer, shape: h.shape, relevance: h.relevance } } : {}) };
  },
};
