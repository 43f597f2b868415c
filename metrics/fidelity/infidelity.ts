/**
 * infidelity (Yeh et al. 2019): E_I[(I·a - (f(x) - f(x - I)))^2], how badly the attribution, read as a
 * linear model of the output change, predicts the change under perturbations I. Lower is better.
 *
 * Two conventions matter (Captum #613, #1018):
 *  - per-unit attributions (gradients) are dotted with I itself; attributions that already include the
 *    input difference (IG, Shapley, occlusion: `multiplyByInputs`) are dotted with I / (x - baseline),
 *    Captum's multiply_by_inputs, so that I = x - baseline gives sum(a) and infidelity becomes the
 *    squared completeness gap;
 *  - `normalise` (default) rescales the attribution by the optimal beta = E[(I·a) Δf] / E[(I·a)^2] first
 *    (Yeh et al.'s scale-free form, Captum normalize=True), so only its direction is judged. Unnormalised,
 *    the score rewards attributions that are merely small: where f is locally linear with gradient g,
 *    c·g scores (c - 1)^2 E[Δf^2] and a = 0 scores E[Δf^2], so zero beats the exact gradient scaled by
 *    more than 2 or by any negative factor. A negative beta (a sign-flipped attribution) is fitted too, as in
 *    Captum.
 */
import { sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import type { OutputKind } from '../../core/model.js';
import { bool, int, num, oneOf, withChecks } from '../../core/params.js';
import { baselineParam, baselineRows, blurSigmaParam } from '../common/baselines.js';
import { attributionOf, checkInput, nullValue, scorableAttributions } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'infidelity';

/**
 * One perturbation (perturbation=baseline) is fitted exactly by the optimal beta, so the normalised
 * form would score every non-zero attribution 0: that pairing is refused.
 */
const oneFittedPerturbation = {
  params: ['perturbation', 'normalise'] as const,
  rule: 'normalise=false with perturbation=baseline (one perturbation, which the rescaling fits exactly)',
  holds: (v: { readonly perturbation: string; readonly normalise: boolean }) => v.perturbation !== 'baseline' || !v.normalise,
};

const params = withChecks({
  perturbation: oneOf(
    ['gaussian', 'baseline'],
    'gaussian',
    'I ~ N(0, sigma^2) on every element (Yeh et al.), or the one deterministic I = x - baseline (needs normalise=false)',
  ),
  sigma: num({ default: 0.1, min: 1e-9, max: 100, description: 'standard deviation of the Gaussian perturbation, in model-input units' }),
  samples: int({ default: 100, min: 1, max: 100_000, description: 'perturbations per sample (gaussian; baseline uses one)' }),
  normalise: bool({
    default: true,
    description:
      'rescale the attribution by the optimal beta first (Yeh et al. normalised infidelity; Captum normalize=True); false: the raw ' +
      'squared error, which rewards small attributions',
  }),
  multiplyByInputs: bool({
    default: false,
    description: 'attributions already include (x - baseline), as IG or Shapley: dot with I / (x - baseline) (Captum multiply_by_inputs)',
  }),
  output: oneOf(
    ['explainer', 'logit', 'probability'],
    'explainer',
    "model output: the explainer's declared output, or logit / probability",
  ),
  baseline: baselineParam,
  blurSigma: blurSigmaParam,
} as const, [oneFittedPerturbation]);

/**
 * Mean squared error of s_r (attribution · perturbation) against Δf_r, after the optimal rescaling of
 * s when `normalise`. An attribution orthogonal to every perturbation (s = 0) gets beta = 0 and so
 * E[Δf^2], as Captum's safe_div gives: the error of predicting no change, the worst a fitted scale can do.
 */
export function infidelityOf(s: ArrayLike<number>, df: ArrayLike<number>, normalise: boolean): number {
  const n = s.length;
  let beta = 1;
  if (normalise) {
    let sd = 0;
    let ss = 0;
    for (let r = 0; r < n; r++) {
      sd += s[r] * df[r];
      ss += s[r] * s[r];
    }
    beta = ss === 0 ? 0 : sd / ss;
  }
  let loss = 0;
  for (let r = 0; r < n; r++) loss += (beta * s[r] - df[r]) ** 2;
  return loss / n;
}

export const infidelity: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'fidelity',
  direction: 'lower',
  ideal: 0,
  description:
    'Mean over perturbations I of (sum_j a_j I_j - (f(x) - f(x - I)))^2 on the explained output; I ~ N(0, 0.1^2) per element by ' +
    'default, or I = x - baseline. multiplyByInputs divides I by (x - baseline) first (for attributions that already include the ' +
    'input difference; elements at the baseline contribute 0). By default the attribution is first rescaled by the least-squares ' +
    'beta, so its scale is not judged (normalise=false: the raw error, which favours small attributions). Lower is better.',
  reference:
    'Yeh et al. 2019 ("On the (in)fidelity and sensitivity of explanations"); Captum infidelity (n_perturb_samples=10, ' +
    'normalize=False by default, multiply_by_inputs convention). We take 100 Gaussian perturbations (sigma 0.1 in model-input units), ' +
    "Captum's normalize=True form by default (beta = 0 for an all-zero attribution, as its safe_div), per-unit attributions by " +
    'default; Quantus instead removes 4x4 patches cumulatively.',
  requires: ['model'],
  params,
  evaluate(ctx, input, p) {
    const where = `metric ${ID}`;
    checkInput(input, where);
    const { batch } = input;
    const d = sizeOf(batch.sampleShape);
    const output: OutputKind = p.output === 'explainer' ? input.output : p.output;
    // Declared and checked when the parameters resolve; evaluate may also be called with values never resolved.
    if (!oneFittedPerturbation.holds(p)) throw new UserError(`${where}: expected ${oneFittedPerturbation.rule}`);
    const runs = p.perturbation === 'baseline' ? 1 : p.samples;
    const per = runs + 1; // row 0 of each sample is x
    const needBase = p.perturbation === 'baseline' || p.multiplyByInputs;
    const base = needBase ? baselineRows(ctx.task, batch, p.baseline, p.blurSigma, where) : null;

    const { values, scored } = scorableAttributions(input);
    if (scored.length === 0) return values;

    const rows = new Float32Array(scored.length * per * d);
    const rowTargets = new Int32Array(scored.length * per);
    const dots = scored.map(() => new Float64Array(runs));
    scored.forEach((i, s) => {
      const x = batch.data.subarray(i * d, (i + 1) * d);
      const a = attributionOf(input, i);
      const b = base?.subarray(i * d, (i + 1) * d);
      const rng = ctx.rng(input.sampleIds[i], 'infidelity-perturbations');
      rows.set(x, s * per * d);
      rowTargets.fill(input.targets[i], s * per, (s + 1) * per);
      for (let r = 0; r < runs; r++) {
        const offset = (s * per + 1 + r) * d;
        let dot = 0;
        for (let j = 0; j < d; j++) {
          const perturbation = p.perturbation === 'baseline' ? x[j] - b![j] : p.sigma * rng.normal();
          // The row holds x - I in float32; the dot uses the I that row really carries.
          rows[offset + j] = x[j] - perturbation;
          const applied = x[j] - rows[offset + j];
          if (p.multiplyByInputs) {
            const span = x[j] - b![j];
            if (span !== 0) dot += (a[j] * applied) / span;
          } else {
            dot += a[j] * applied;
          }
        }
        dots[s][r] = dot;
      }
    });
    const f = ctx.engine.targetOutputs({ n: scored.length * per, sampleShape: batch.sampleShape, data: rows }, rowTargets, output);
    scored.forEach((i, s) => {
      const fx = f[s * per];
      const df = Float64Array.from(f.subarray(s * per + 1, (s + 1) * per), (v) => fx - v);
      if (!df.every(Number.isFinite)) {
        values[i] = nullValue('model output is not finite');
        return;
      }
      values[i] = infidelityOf(dots[s], df, p.normalise);
    });
    return values;
  },
};
