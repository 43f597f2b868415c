/**
 * completeness-gap: how far the attributions are from summing to the output change they claim to
 * explain, |sum_j a_j - (f(x) - f(reference))|, on the output the explainer declares (logit or
 * probability). The reference is the explainer's own (E f(background) for Shapley methods) when it
 * reports one, else f(baseline). Lower is better; 0 is exact completeness (efficiency).
 *
 * Some explainers satisfy it by construction, so a small gap is their definition, not evidence about
 * them: KernelSHAP fits under the efficiency constraint (Lundberg & Lee 2017), and integrated gradients
 * obeys the completeness axiom (Sundararajan et al. 2017) up to its path-integral quadrature error; LRP
 * rules are designed to conserve relevance (Montavon et al. 2019), exactly only for bias-free nets.
 */
import { sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { num, oneOf } from '../../core/params.js';
import { attributionOf, attributionProblem, checkInput, isNull, nullValue } from '../common/per-sample.js';
import type { AttributionMetric, MetricValue } from '../types.js';

const ID = 'completeness-gap';

const params = {
  form: oneOf(['absolute', 'relative'], 'relative', 'absolute gap, or the gap divided by max(|f(x) - f(reference)|, eps)'),
  tolerance: num({
    default: 0.01,
    min: 0,
    description: 'a sample counts as complete when its gap is at most this (reported beside the mean, never exact equality)',
  }),
  eps: num({
    default: 1e-6,
    min: 1e-12,
    max: 1,
    description: 'floor of the denominator of the relative form (float32 outputs resolve about 1e-7)',
  }),
  baseline: oneOf(['task', 'zero'], 'task', 'reference input when the explainer reports no reference: the task baseline or zeros'),
} as const;

/** Fraction of the computed values that are within `tolerance`; null when none could be computed. */
export function fractionWithinTolerance(values: readonly MetricValue[], tolerance: number): number | null {
  let n = 0;
  let within = 0;
  for (const v of values) {
    if (isNull(v)) continue;
    n++;
    if (v <= tolerance) within++;
  }
  return n === 0 ? null : within / n;
}

export const completenessGap: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'completeness',
  direction: 'lower',
  ideal: 0,
  description:
    "|sum of attributions - (f(x) - f(reference))| on the explainer's declared output, where the reference is the explainer's " +
    'reported reference output or f(baseline); relative form (default) divides by max(|f(x) - f(reference)|, eps). Lower is better; ' +
    '`tolerance` sets what the harness counts as complete. Near 0 by construction for KernelSHAP (its fit is constrained to efficiency) ' +
    'and integrated gradients (completeness axiom, up to the quadrature error of its steps), and LRP is built to conserve relevance ' +
    '(exactly only for bias-free nets): for them it checks the implementation, not independent evidence of a better explanation.',
  reference:
    "Completeness (Sundararajan et al. 2017, IG) / efficiency (Shapley); Captum's convergence delta sum(a) - (f(x) - f(b)). " +
    'Quantus Completeness tests exact float equality after batch-wide normalisation (almost always False); we report the ' +
    'gap itself, unnormalised, with a tolerance for the pass fraction, and use the reference the explainer declares.',
  requires: ['model'],
  params,
  evaluate(ctx, input, p) {
    checkInput(input, `metric ${ID}`);
    const { batch } = input;
    const d = sizeOf(batch.sampleShape);
    const c = ctx.engine.numClasses;
    const needBaseline = !input.reference;
    const rows = new Float32Array((batch.n + (needBaseline ? 1 : 0)) * d);
    rows.set(batch.data);
    if (needBaseline && p.baseline === 'task') {
      if (ctx.task.baseline.length !== d) {
        throw new UserError(`metric ${ID}: the task baseline has ${ctx.task.baseline.length} values, the input has ${d} per sample`);
      }
      rows.set(ctx.task.baseline, batch.n * d);
    }
    // One call: every input and, when needed, the one shared baseline row (all classes, so each
    // sample can read its own target from it).
    const out = ctx.engine.outputs({ n: rows.length / d, sampleShape: batch.sampleShape, data: rows }, input.output);

    return Array.from({ length: batch.n }, (_, i): MetricValue => {
      const a = attributionOf(input, i);
      const problem = attributionProblem(a);
      if (problem) return nullValue(problem);
      const t = input.targets[i];
      const fx = out[i * c + t];
      const fRef = input.reference ? input.reference[i] : out[batch.n * c + t];
      if (!Number.isFinite(fx)) return nullValue('model output is not finite');
      if (!Number.isFinite(fRef)) {
        return nullValue(input.reference ? "the explainer's reference output is not finite" : 'model output at the baseline is not finite');
      }
      let sum = 0;
      for (let j = 0; j < d; j++) sum += a[j];
      const change = fx - fRef;
      const gap = Math.abs(sum - change);
      return p.form === 'absolute' ? gap : gap / Math.max(Math.abs(change), p.eps);
    });
  },
};
