/**
 * What ris and ros (Agarwal et al. 2022, "Rethinking stability for attribution-based explanations")
 * share: the relative change of the explanation divided by the relative change of a representation of
 * the input (the input itself for RIS, the logits for ROS), maximised over same-class perturbations.
 * `relative=norm` is OpenXAI's ratio of norm-relative changes, ||e - e'||/||e|| over ||r - r'||/||r||;
 * `relative=element` is the paper's (and Quantus's) element-wise ||(e - e')/e|| over ||(r - r')/r||.
 * The denominator is floored at `epsMin` (paper, Quantus).
 */
import { num, oneOf } from '../../core/params.js';
import { noiseParam, scaleParam } from './input-noise.js';
import { attributionOf, finiteOr, nullValue } from '../common/per-sample.js';
import { type PerturbedCopy, perturbAndReExplain, sameClassParam, samplesParam } from './perturbed-explanations.js';
import { completed } from '../common/re-explain.js';
import type { AttributionMetric } from '../types.js';
import { type RelativeKind, relativeChange } from '../common/vector-norms.js';

const relativeStabilityParams = {
  samples: samplesParam(100, 'OpenXAI explanationChangeperturbations = 100.'),
  noise: noiseParam('gaussian'),
  scale: scaleParam(
    0.01,
    "OpenXAI's leaderboard draws at std 1e-5 in float64; in float32 the logit changes at that scale are rounding noise, so we perturb at " +
    "0.01.",
  ),
  sameClass: sameClassParam(true, 'OpenXAI keeps only same-class perturbations; Quantus NaNs the others.'),
  relative: oneOf(
    ['norm', 'element'],
    'norm',
    "norm = OpenXAI's norm-relative change ||v - v'|| / ||v||; element = element-wise ||(v - v') / v|| as the paper and Quantus",
  ),
  epsMin: num({
    default: 1e-6,
    min: 1e-12,
    max: 1,
    description: 'floor of the denominator, and the divisor of zero elements for relative=element (Quantus eps_min = 1e-6)',
  }),
} as const;

type Params = { readonly relative: RelativeKind; readonly epsMin: number };

/**
 * max over copies of relChange(e, e') / max(relChange(r, r'), epsMin); a string names why it is undefined.
 * `representation` gives r and r' for a copy.
 */
function relativeStability(
  e: Float32Array,
  copies: readonly PerturbedCopy[],
  representation: (c: PerturbedCopy) => { r: ArrayLike<number>; rp: ArrayLike<number> },
  p: Params,
): number | string {
  let worst = 0;
  for (const c of copies) {
    const explanationChange = relativeChange(e, c.attribution, p.relative, p.epsMin);
    if (explanationChange === null) return 'attribution is all zero (relative change undefined)';
    const { r, rp } = representation(c);
    const den = relativeChange(r, rp, p.relative, p.epsMin);
    if (den === null) return 'representation is all zero (relative change undefined)';
    const ratio = explanationChange / Math.max(den, p.epsMin);
    if (!(ratio <= worst)) worst = ratio; // NaN propagates
  }
  return worst;
}

export function relativeStabilityMetric(
  id: string,
  representationName: 'input' | 'logits',
  description: string,
): AttributionMetric<typeof relativeStabilityParams> {
  return {
    id,
    family: 'attribution',
    criterion: 'stability',
    direction: 'lower',
    ideal: 0,
    description,
    reference:
      `Agarwal et al. 2022 (relative ${representationName === 'input' ? 'input' : 'output'} stability). ` +
      'Defaults as OpenXAI (norm-relative ratios, 100 same-class Gaussian perturbations, L2; OpenXAI draws 1000 candidates and keeps the ' +
      'first 100 same-class ones, we draw `samples` and drop the changed ones), except the noise scale (see `scale`); epsMin as Quantus. ' +
      'OpenXAI reports log values; we report the ratio itself.',
    requires: ['model', 'explainer'],
    params: relativeStabilityParams,
    async evaluate(ctx, input, p) {
      const r = await perturbAndReExplain(ctx, input, id, {
        samples: p.samples,
        noise: p.noise,
        scale: p.scale,
        sameClass: p.sameClass,
        logits: representationName === 'logits',
        // RIS and ROS draw the same copies (OpenXAI perturbs once for both), so they are explained once.
        stream: 'relative-stability',
      });
      const d = input.attributions.length / Math.max(1, input.batch.n);
      for (const [i, entry] of r.perturbed) {
        const x = input.batch.data.subarray(i * d, (i + 1) * d);
        const v = relativeStability(
          attributionOf(input, i),
          entry.copies,
          (c) => (representationName === 'input' ? { r: x, rp: c.x } : { r: entry.logits as Float32Array, rp: c.logits as Float32Array }),
          p,
        );
        r.values[i] = typeof v === 'string' ? nullValue(v) : finiteOr(v, 'ratio is not finite');
      }
      return completed(r.values, id);
    },
  };
}
