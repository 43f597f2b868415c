/**
 * top-k-intersection (Theiner et al. 2022): how many of the k highest-attributed elements lie in the
 * ground-truth mask. Divided by min(k, |mask|), the most that can lie there, so a perfect attribution
 * scores 1 whatever the mask size (Quantus divides by k, which caps masks smaller than k below 1).
 */
import { num, oneOf } from '../../core/params.js';
import { maskSize, scoreAgainstMasks } from './ground-truth.js';
import { rankByAttribution } from '../common/perturbation-curve.js';
import { hitsInTopK } from './relevance-rank-accuracy.js';
import type { AttributionMetric } from '../types.js';

const ID = 'top-k-intersection';

const params = {
  k: num({
    default: 0.02,
    min: 1e-9,
    max: 1,
    description: 'k as a fraction of the input elements (rounded, at least 1); Quantus 1000 of 224x224 is about 0.02',
  }),
  order: oneOf(['signed', 'absolute'], 'signed', 'ranking: highest attribution first, or largest |attribution| first'),
} as const;

function topKCount(d: number, fraction: number): number {
  return Math.min(d, Math.max(1, Math.round(fraction * d)));
}

export const topKIntersection: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    '|top-k elements ∩ ground-truth mask| / min(k, |mask|), k a fraction of the elements (ties by element index). Chance = ' +
    'k |mask| / (elements min(k, |mask|)), per sample in details.chance. Null for an empty or full mask.',
  reference:
    'Theiner, Müller-Budack & Ewerth 2022 ("Interpretable semantic photo geolocation"); Quantus TopKIntersection (k=1000 ' +
    'pixels, divided by k). We take k as a fraction and divide by min(k, |mask|) so the ideal is 1 for any mask size.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgainstMasks(input, `metric ${ID}`, (a, mask) => {
      const d = mask.length;
      const k = topKCount(d, p.k);
      const m = maskSize(mask);
      const best = Math.min(k, m);
      return { value: hitsInTopK(rankByAttribution(a, p.order), mask, k) / best, chance: (k * m) / (d * best) };
    });
  },
};
