/**
 * relevance-mass-accuracy (Arras, Osman & Samek 2022): the share of the attribution mass that lies
 * inside the ground-truth mask. By default only positive relevance counts, as in the paper, so that
 * negative evidence elsewhere cannot push the ratio above 1.
 */
import { oneOf } from '../../core/params.js';
import { maskSize, scoreAgainstMasks } from './ground-truth.js';
import { nullValue } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'relevance-mass-accuracy';

const params = {
  relevance: oneOf(
    ['positive', 'absolute', 'signed'],
    'positive',
    'mass counted: max(a, 0) (Arras et al.), |a|, or a itself (Quantus default; the ratio is unbounded when sum(a) is near 0)',
  ),
} as const;

function relevanceMass(
  a: ArrayLike<number>,
  mask: ArrayLike<number>,
  relevance: 'positive' | 'absolute' | 'signed',
): { inside: number; total: number } {
  let inside = 0;
  let total = 0;
  for (let j = 0; j < a.length; j++) {
    const r = relevance === 'positive' ? Math.max(a[j], 0) : relevance === 'absolute' ? Math.abs(a[j]) : a[j];
    total += r;
    if (mask[j]) inside += r;
  }
  return { inside, total };
}

export const relevanceMassAccuracy: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    'Relevance inside the ground-truth mask divided by the total relevance (positive part of the attribution by default). ' +
    'In [0, 1] for positive/absolute; chance = |mask| / elements for an exchangeable random attribution (per sample in ' +
    'details.chance; none for signed). Null when the total is 0 or the mask is empty or full.',
  reference:
    'Arras, Osman & Samek 2022 ("CLEVR-XAI", relevance mass accuracy, positive relevance only). Quantus RelevanceMassAccuracy ' +
    'uses the signed attribution after batch-wide max normalisation (a ratio, so that normalisation cancels); signed is offered.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgainstMasks(input, `metric ${ID}`, (a, mask) => {
      const { inside, total } = relevanceMass(a, mask, p.relevance);
      if (total === 0) {
        const why = p.relevance === 'positive' ? 'attribution has no positive relevance' : 'attribution mass is zero';
        return { value: nullValue(why), chance: null };
      }
      return { value: inside / total, chance: p.relevance === 'signed' ? null : maskSize(mask) / mask.length };
    });
  },
};
