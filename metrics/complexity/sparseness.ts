/**
 * sparseness: the Gini coefficient of |a| per sample (Chalasani et al. 2020, as Quantus Sparseness).
 * 0 for a uniform attribution, (n-1)/n for a one-hot one: higher means the explanation concentrates on
 * fewer elements (a proxy for readability, not a measure of it).
 */
import { scoreEachAttribution } from '../common/per-sample.js';
import type { AttributionMetric } from '../types.js';

const ID = 'sparseness';

/**
 * Gini of |v|: sum_i (2i - n - 1) |v|_(i) / (n sum |v|), i = 1..n over |v| sorted ascending.
 * Null when all values are zero (the ratio is 0/0).
 */
export function gini(v: ArrayLike<number>): number | null {
  const n = v.length;
  const sorted = Float64Array.from(v, Math.abs).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (2 * (i + 1) - n - 1) * sorted[i];
  }
  return total > 0 ? weighted / (n * total) : null;
}

export const sparseness: AttributionMetric<Record<string, never>> = {
  id: ID,
  family: 'attribution',
  criterion: 'complexity',
  direction: 'higher',
  ideal: 1,
  description:
    'Gini coefficient of the absolute attribution over the input elements of each sample: 0 when uniform, (n-1)/n when all ' +
    'mass is on one element. Higher is sparser; null for an all-zero attribution.',
  reference:
    'Chalasani et al. 2020 ("Concise explanations of neural networks using adversarial training"); formula as Quantus ' +
    'Sparseness (identical to BEExAI). Quantus adds 1e-7 to every |a_i| to avoid 0/0; we do not, because that makes the score ' +
    'depend on the attribution scale (gradients of size 1e-7 would lose half their sparseness), and return null for an ' +
    'all-zero attribution instead. Quantus normalises by the batch-wide max first, which a ratio like Gini ignores anyway.',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    return scoreEachAttribution(input, ID, gini, 'attribution is all zero');
  },
};
