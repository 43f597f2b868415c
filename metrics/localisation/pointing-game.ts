/**
 * pointing-game (Zhang et al. 2018): does the attribution's maximum fall inside the ground-truth mask?
 * Ties at the maximum count fractionally (the expected hit of a random tie-break), so a constant
 * attribution scores the mask fraction, i.e. chance, not a free hit.
 */
import { oneOf } from '../../core/params.js';
import { rankKey, scoreAgainstMasks, maskSize } from './ground-truth.js';
import type { AttributionMetric } from '../types.js';

const ID = 'pointing-game';

const params = {
  order: oneOf(['signed', 'absolute'], 'signed', 'the maximum of the signed attribution (as Quantus, abs=False) or of |attribution|'),
} as const;

/** Fraction of the elements at the maximum key that lie inside the mask. */
function pointingHit(key: ArrayLike<number>, mask: ArrayLike<number>): number {
  let max = -Infinity;
  for (let j = 0; j < key.length; j++) if (key[j] > max) max = key[j];
  let atMax = 0;
  let inside = 0;
  for (let j = 0; j < key.length; j++) {
    if (key[j] === max) {
      atMax++;
      if (mask[j]) inside++;
    }
  }
  return inside / atMax;
}

export const pointingGame: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  // No single chance level: for a random attribution it is the mask's share of the elements, reported per sample in details.chance.
  description:
    '1 when the element with the largest attribution lies in the ground-truth mask, 0 when not; ties at the maximum score the ' +
    'fraction of tied elements inside the mask. Chance = |mask| / elements, per sample in details.chance. Null for an empty or full mask.',
  reference:
    'Zhang et al. 2018 ("Top-down neural attention by excitation backprop"); Quantus PointingGame (hit = any(mask at argmax), ' +
    'NaN for an empty mask). We count ties fractionally instead of any-hit, so a constant attribution gets chance, not 1; ' +
    'no tolerance radius (Zhang et al. use 15 px on 224-px images, Quantus none).',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgainstMasks(input, `metric ${ID}`, (a, mask) => ({
      value: pointingHit(rankKey(a, p.order), mask),
      chance: maskSize(mask) / mask.length,
    }));
  },
};
