/** avg-sensitivity (Yeh et al. 2019): the mean relative change of the explanation under small input noise. */
import { sensitivityMetric } from './sensitivity.js';

export const avgSensitivity = sensitivityMetric('avg-sensitivity', 'mean', {
  // Two independent N(0, I) draws z, z': ||z - z'|| / ||z|| -> sqrt(2) as the dimension grows.
  chance: Math.SQRT2,
  description:
    "Mean over `samples` noisy copies x' = x + U(-scale, scale) of ||a(x) - a(x')||_2 / ||a(x)||_2, each copy re-explained by the " +
    "explainer " +
    'under test (its own seeded stream). Lower is more stable; 0 when the explanation does not move; about sqrt(2) for the random ' +
    'control (independent draws, many elements); null for an all-zero attribution.',
});
