/**
 * complexity: the Shannon entropy (nats) of the attribution's share of |a| per element (Bhatt et al.
 * 2020). 0 when one element carries everything, ln n when all share equally: lower is simpler.
 */
import { scoreEachAttribution } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'complexity';

/** Entropy in nats of p = |v| / sum |v| (0 ln 0 = 0); null when all values are zero. */
export function attributionEntropy(v: ArrayLike<number>): number | null {
  let total = 0;
  for (let i = 0; i < v.length; i++) total += Math.abs(v[i]);
  if (!(total > 0)) return null;
  let h = 0;
  for (let i = 0; i < v.length; i++) {
    const p = Math.abs(v[i]) / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return Math.max(0, h);
}

export const complexity: AttributionMetric<Record<string, never>> = {
  id: ID,
  family: 'attribution',
  criterion: 'complexity',
  direction: 'lower',
  ideal: 0,
  description:
    'Entropy in nats of the fraction of absolute attribution on each input element: 0 when one element carries all of it, ' +
    'ln(n) when uniform. Lower is simpler; null for an all-zero attribution.',
  reference:
    'Bhatt, Weller & Moura 2020; as Quantus Complexity (natural log; Quantus adds 1e-12 inside the log, we define 0 ln 0 = 0, ' +
    'the same limit). BEExAI divides by the number of features; we do not, so values are comparable to ln(n) of the task.',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    return scoreEachAttribution(input, ID, attributionEntropy, 'attribution is all zero');
  },
};
