/** ros (Agarwal et al. 2022): how much more the explanation changes than the model's logits, relatively. */
import { relativeStabilityMetric } from './relative-stability.js';

export const ros = relativeStabilityMetric(
  'ros',
  'logits',
  "Relative output stability: max over same-class noisy copies x' of [||a(x) - a(x')|| / ||a(x)||] / max(||h(x) - h(x')|| / ||h(x)||, " +
  "epsMin) " +
    'with h the logits (relative=element: element-wise relative changes), each copy re-explained. Lower is more stable.',
);
