/**
 * What max-sensitivity and avg-sensitivity (Yeh et al. 2019, "On the (in)fidelity and sensitivity of
 * explanations") share: uniform noise in an L-infinity ball around x, every copy re-explained, and the
 * relative change ||a(x) - a(x')|| / ||a(x)|| per copy. The two metrics keep its max or its mean.
 */
import { noiseParam, scaleParam } from './input-noise.js';
import { attributionOf, finiteOr, nullValue } from '../common/per-sample.js';
import { perturbAndReExplain, sameClassParam, samplesParam } from './perturbed-explanations.js';
import { completed } from '../common/re-explain.js';
import type { AttributionMetric, MetricValue } from '../types.js';
import { l2, l2Distance } from '../common/vector-norms.js';

const sensitivityParams = {
  samples: samplesParam(200, 'Quantus nr_samples = 200 (Captum sensitivity_max: 10).'),
  noise: noiseParam('uniform'),
  scale: scaleParam(0.2, 'Quantus lower_bound = 0.2, i.e. U(-0.2, 0.2) (Captum: 0.02).'),
  sameClass: sameClassParam(false, 'Quantus keeps them (return_nan_when_prediction_changes = False).'),
} as const;

/** ||a - b|| / ||a|| per re-explained copy; null when a is all zero. */
function sensitivityRatios(a: ArrayLike<number>, copies: readonly ArrayLike<number>[]): number[] | null {
  const norm = l2(a);
  if (!(norm > 0)) return null;
  return copies.map((b) => l2Distance(a, b) / norm);
}

export function sensitivityMetric(
  id: string,
  aggregate: 'max' | 'mean',
  extra: { chance?: number; description: string },
): AttributionMetric<typeof sensitivityParams> {
  return {
    id,
    family: 'attribution',
    criterion: 'stability',
    direction: 'lower',
    ideal: 0,
    ...(extra.chance !== undefined ? { chance: extra.chance } : {}),
    description: extra.description,
    reference:
      `Yeh et al. 2019; defaults as Quantus ${aggregate === 'max' ? 'MaxSensitivity' : 'AvgSensitivity'} ` +
      '(200 samples, U(-0.2, 0.2) on every element, changed predictions kept, no normalisation, Frobenius/L2 norm relative to ||a(x)||). ' +
      'Captum sensitivity_max uses 10 samples and radius 0.02.',
    requires: ['model', 'explainer'],
    params: sensitivityParams,
    async evaluate(ctx, input, p) {
      const { samples, noise, scale, sameClass } = p;
      const perturb = { samples, noise, scale, sameClass, logits: false, stream: 'yeh-sensitivity' };
      const r = await perturbAndReExplain(ctx, input, id, perturb);
      for (const [i, { copies }] of r.perturbed) {
        const ratios = sensitivityRatios(
          attributionOf(input, i),
          copies.map((c) => c.attribution),
        );
        let v: MetricValue;
        if (!ratios) v = nullValue('attribution is all zero (relative change undefined)');
        else if (aggregate === 'max') v = finiteOr(ratios.reduce((m, x) => (x > m || Number.isNaN(x) ? x : m), 0), 'ratio is not finite');
        else v = finiteOr(ratios.reduce((s, x) => s + x, 0) / ratios.length, 'ratio is not finite');
        r.values[i] = v;
      }
      return completed(r.values, id);
    },
  };
}
