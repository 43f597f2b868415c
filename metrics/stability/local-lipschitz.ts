/**
 * local-lipschitz (Alvarez-Melis & Jaakkola 2018, "On the robustness of interpretability methods"):
 * the largest ratio ||a(x) - a(x')|| / ||x - x'|| over Gaussian perturbations x' of x, an estimate of
 * the explanation's local Lipschitz constant. Lower is more stable.
 */
import { oneOf } from '../../core/params.js';
import { noiseParam, scaleParam } from './input-noise.js';
import { attributionOf, finiteOr, nullValue } from '../common/per-sample.js';
import { perturbAndReExplain, sameClassParam, samplesParam } from './perturbed-explanations.js';
import { completed } from '../common/re-explain.js';
import type { AttributionMetric } from '../types.js';
import { l2Distance, maxAbs } from '../common/vector-norms.js';

const ID = 'local-lipschitz';

/** Quantus adds this to ||x - x'|| so that the ratio stays finite. */
const DENOMINATOR_EPS = 1e-10;

const params = {
  samples: samplesParam(200, 'Quantus nr_samples = 200.'),
  noise: noiseParam('gaussian'),
  scale: scaleParam(0.1, 'Quantus perturb_std = 0.1.'),
  sameClass: sameClassParam(false, 'Quantus keeps them (return_nan_when_prediction_changes = False).'),
  normalise: oneOf(
    ['max', 'none'],
    'max',
    'max = each explanation (original and re-explained) divided by its own max |a| first, as Quantus normalise=True; none = raw',
  ),
} as const;

/** ||a/sa - b/sb|| / (||x - x'|| + 1e-10), with sa, sb the max-normalisers (1 when normalise=none or b is all zero). */
function lipschitzRatio(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  x: ArrayLike<number>,
  xp: ArrayLike<number>,
  normalise: 'max' | 'none',
): number {
  let sa = 1;
  let sb = 1;
  if (normalise === 'max') {
    sa = 1 / maxAbs(a);
    const mb = maxAbs(b);
    sb = mb > 0 ? 1 / mb : 1;
  }
  return l2Distance(a, b, sa, sb) / (l2Distance(x, xp) + DENOMINATOR_EPS);
}

export const localLipschitz: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'stability',
  direction: 'lower',
  ideal: 0,
  description:
    'Max over `samples` noisy copies x\' = x + noise of ||a(x) - a(x\')||_2 / ||x - x\'||_2, each copy re-explained by the explainer ' +
    'under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move (e.g. the gradient of a linear ' +
    'model).',
  reference:
    'Alvarez-Melis & Jaakkola 2018; defaults as Quantus LocalLipschitzEstimate (200 samples, N(0, 0.1^2) on every element, changed ' +
    'predictions kept, attributions normalised by their max |a|; we normalise each explanation by its own max, never across the batch).',
  requires: ['model', 'explainer'],
  params,
  async evaluate(ctx, input, p) {
    const perturb = { samples: p.samples, noise: p.noise, scale: p.scale, sameClass: p.sameClass, logits: false };
    const r = await perturbAndReExplain(ctx, input, ID, perturb);
    for (const [i, { copies }] of r.perturbed) {
      const a = attributionOf(input, i);
      if (p.normalise === 'max' && maxAbs(a) === 0) {
        r.values[i] = nullValue('attribution is all zero (cannot normalise by its max)');
        continue;
      }
      const x = input.batch.data.subarray(i * a.length, (i + 1) * a.length);
      let worst = 0;
      for (const c of copies) worst = Math.max(worst, lipschitzRatio(a, c.attribution, x, c.x, p.normalise));
      r.values[i] = finiteOr(worst, 'ratio is not finite');
    }
    return completed(r.values, ID);
  },
};
