/**
 * attribution-auc: the ROC-AUC of the attribution as a score separating ground-truth elements from the
 * rest, i.e. the probability that a random relevant element outranks a random irrelevant one (ties
 * count one half). 0.5 for any attribution that ignores the mask, whatever the mask size.
 */
import { oneOf } from '../../core/params.js';
import { rankKey, scoreAgainstMasks } from './ground-truth.js';
import type { AttributionMetric } from '../types.js';

const ID = 'attribution-auc';

const params = {
  order: oneOf(['signed', 'absolute'], 'signed', 'score: the attribution (Quantus AUC), or |attribution|'),
} as const;

/**
 * Mann-Whitney AUC with mid-ranks for ties, O(d log d): (R+ - P(P+1)/2) / (P N), where R+ is the sum of
 * the ascending mid-ranks of the P positives and N the number of negatives. Null when either is 0.
 */
export function rocAuc(score: ArrayLike<number>, label: ArrayLike<number>): number | null {
  const d = score.length;
  const idx = Array.from({ length: d }, (_, j) => j).sort((p, q) => score[p] - score[q]);
  let rankSum = 0;
  let pos = 0;
  for (let start = 0; start < d; ) {
    let end = start;
    while (end + 1 < d && score[idx[end + 1]] === score[idx[start]]) end++;
    const mid = (start + end) / 2 + 1; // ranks are 1-based
    for (let r = start; r <= end; r++) {
      if (label[idx[r]]) {
        rankSum += mid;
        pos++;
      }
    }
    start = end + 1;
  }
  const neg = d - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export const attributionAuc: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  chance: 0.5,
  description:
    'ROC-AUC of the attribution against the ground-truth mask: the probability that a relevant element is attributed more ' +
    'than an irrelevant one (ties one half). 1 perfect, 0.5 chance, 0 inverted. Null for an empty or full mask.',
  reference:
    'Fawcett 2006 ROC-AUC, as used for attribution localisation by Quantus AUC (sklearn roc_curve on the flattened attribution; ' +
    'undefined for an empty mask). Computed exactly from mid-ranks (Mann-Whitney U).',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgainstMasks(input, `metric ${ID}`, (a, mask) => ({ value: rocAuc(rankKey(a, p.order), mask)!, chance: 0.5 }));
  },
};
