/**
 * feature-agreement (OpenXAI FA): the share of the explanation's top-k features (by |a|) that are also
 * among the ground truth's top-k. With a 0/1 mask instead of weights, any relevant feature counts and
 * the share is of min(k, |relevant|), so the perfect explanation scores 1 for any number of relevant
 * features.
 */
import { agreementK, agreementKParam, byMagnitude, scoreAgreement } from './agreement.js';
import { maskSize } from './ground-truth.js';
import { nullValue } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'feature-agreement';
const params = { k: agreementKParam } as const;

export const featureAgreement: AttributionMetric<typeof params> = {
  id: ID,
  family: 'attribution',
  criterion: 'localisation',
  direction: 'higher',
  ideal: 1,
  description:
    '|top-k features of |a| ∩ top-k features of |true weight||/k (k = ceil(0.25 d)); with a 0/1 mask, |top-k ∩ relevant| / ' +
    'min(k, |relevant|). Chance k/d with weights, k |relevant| / (d min(k, |relevant|)) with a mask (details.chance).',
  reference: 'Krishna et al. 2022 (feature agreement); OpenXAI (Agarwal et al. 2022) FA against the true model weights, k=0.25.',
  requires: ['ground-truth'],
  params,
  evaluate(_ctx, input, p) {
    return scoreAgreement(input, `metric ${ID}`, true, (a, w, mask) => {
      const d = a.length;
      const k = agreementK(d, p.k);
      const top = byMagnitude(a).subarray(0, k);
      if (w) {
        const truth = new Set(byMagnitude(w).subarray(0, k));
        let hits = 0;
        for (const j of top) if (truth.has(j)) hits++;
        return { value: hits / k, chance: k / d };
      }
      const m = maskSize(mask!);
      if (m === 0) return { value: nullValue('ground-truth mask is empty'), chance: null };
      let hits = 0;
      for (const j of top) if (mask![j]) hits++;
      const best = Math.min(k, m);
      return { value: hits / best, chance: (k * m) / (d * best) };
    });
  },
};
