/** max-sensitivity (Yeh et al. 2019): the largest relative change of the explanation under small input noise. */
import { sensitivityMetric } from './sensitivity.js';

export const maxSensitivity = sensitivityMetric('max-sensitivity', 'max', {
  description:
    "Max over `samples` noisy copies x' = x + U(-scale, scale) of ||a(x) - a(x')||_2 / ||a(x)||_2, each copy re-explained by the " +
    "explainer " +
    'under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move; null for an all-zero attribution.',
});
