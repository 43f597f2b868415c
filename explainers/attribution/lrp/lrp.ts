/**
 * Layer-wise Relevance Propagation (Bach et al. 2015; Montavon et al. 2019, "Layer-wise relevance
 * propagation: an overview"): the target logit is redistributed layer by layer down to the input with
 * the rule of each Dense/Conv2D layer (rules/ and composites/, looked up by name in rule-registry.ts
 * and composite-registry.ts), max pooling winner-take-all, average pooling proportionally, BatchNorm
 * folded into the layer before it. Each explanation reports its conservation: Σ input relevance against
 * the explained logit (exact only for bias-free nets with conservative rules).
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
import { sizeOf } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { bool, num, numberOr, oneOf, str, withChecks } from '../../../core/params.js';
import type { AttributionExplainer } from '../../types.js';
import { lrpCard, lrpDifferences } from './lrp.card.js';
import { COMPOSITES } from './composite-registry.js';
import { layerNames, planFor } from './plan.js';
import { propagate } from './propagate.js';
import { RULES } from './rule-registry.js';
import { assignRules } from './rule-assignment.js';

const params = withChecks({
  composite: oneOf(
    COMPOSITES,
    'epsilon-gamma-box',
    'rule per layer type: first layer / Conv2D / Dense (see explainers/attribution/lrp/composites/)',
  ),
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
  low: numberOr('auto', { default: 'auto', description: 'z^B lower input bound (auto: 0 for images, background min or −3 for tabular)' }),
  high: numberOr('auto', { default: 'auto', description: 'z^B upper input bound (auto: 1 for images, background max or 3 for tabular)' }),
  layer: str({ default: '', description: "also return the relevance at this layer's output ('' for none)" }),
  plusBias: bool({
    default: true,
    description: "zplus adds b⁺ and wsquare b² to the denominator, as zennit's ZPlus and WSquare do (false: the bias-free DTD forms)",
  }),
  maxPoolTies: oneOf(
    ['split', 'first'] as const,
    'split',
    "tied maxima of a max-pool window share its relevance equally (split) or the first in row-major order takes it (first: the " +
    "autograd choice zennit inherits)",
  ),
} as const, [
  { params: ['alpha', 'beta'], rule: 'alpha − beta = 1', holds: (v) => Math.abs(v.alpha - v.beta - 1) <= 1e-9 },
  // With 'auto' on either side the bounds depend on the data; baseBounds checks them then.
  { params: ['low', 'high'], rule: 'low < high', holds: (v) => v.low === 'auto' || v.high === 'auto' || Number(v.low) < Number(v.high) },
]);

/** Per-element z^B bounds before widening to the input. */
function baseBounds(task: TaskView, low: string, high: string): { low: Float32Array; high: Float32Array } {
  const d = sizeOf(task.sampleShape);
  const fill = (v: number) => new Float32Array(d).fill(v);
  const auto = (which: 'low' | 'high'): Float32Array => {
    // Image pixels lie in the task's value range ([0, 1] for the zoo's images).
    if (task.kind === 'image') return fill(which === 'low' ? (task.valueRange?.[0] ?? 0) : (task.valueRange?.[1] ?? 1));
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
  if (l.some((v, j) => (given ? !(v < h[j]) : !(v <= h[j])))) {
    throw new UserError(`--set lrp.low=${low} / lrp.high=${high}: low must be below high`);
  }
  return { low: l, high: h };
}

export const lrpExplainer: AttributionExplainer<typeof params> = {
  api: 2,
  id: 'lrp',
  family: 'attribution',
  description:
    'Layer-wise Relevance Propagation of the target logit (rules per layer from a composite). z⁺ and w² include the bias as Zennit does; ' +
    'by design, tied max-pool maxima share relevance equally (Zennit: one winner; 1–10% median relative L2 on the CNNs) and γ is the ' +
    'textbook rule ' +
    '(Zennit generalises it on negative outputs; not measured).',
  needs: ['layers'],
  output: 'logit',
  deterministic: true,
  card: lrpCard,
  differences: lrpDifferences,
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
