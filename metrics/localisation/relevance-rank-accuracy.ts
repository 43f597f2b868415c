/**
 * relevance-rank-accuracy (Arras, Osman & Samek 2022): of the K = |mask| highest-ranked elements, the
 * fraction inside the mask. Ties are broken by element index (deterministic), as in the curve metrics.
 */
import { oneOf } from '../../core/params.js';
import { maskSize, scoreAgainstMasks } from './ground-truth.js';
import { rankByAttribution } from '../common/perturbation-curve.js';
import type { AttributionMetric } from '../types.js';

const ID = 'relevance-rank-accuracy';

const params = {
  order: oneOf(['signed', 'absolute'], 'signed', 'ranking: highest attribution first (Arras et al.), or largest |attribution| first'),
} as const;

/** |top-k of the ranking ∩ mask|. */
export function hitsInTopK(ranked: Int32Array, mask: ArrayLike<number>, k: number): number {
  let hits = 0;
  for (let r = 0; r < k; r++) if (mask[ranked[r]]) hits++;
  return hits;
}

export const relevanceRankAccuracy: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    'With K the number of ground-truth elements, the fraction of the K highest-attributed elements that lie in the mask ' +
    '(ties broken by element index). Chance = K / elements (per sample in details.chance). Null for an empty or full mask.',
  reference: 'Arras, Osman & Samek 2022 ("CLEVR-XAI", relevance rank accuracy); as Quantus RelevanceRankAccuracy.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgainstMasks(input, `metric ${ID}`, (a, mask) => {
      const k = maskSize(mask);
      return { value: hitsInTopK(rankByAttribution(a, p.order), mask, k) / k, chance: k / mask.length };
    });
  },
};
