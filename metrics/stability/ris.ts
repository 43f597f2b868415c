/** ris (Agarwal et al. 2022): how much more the explanation changes than the input, relatively. */
import { relativeStabilityMetric } from './relative-stability.js';

export const ris = relativeStabilityMetric(
  'ris',
  'input',
  "Relative input stability: max over same-class noisy copies x' of [||a(x) - a(x')|| / ||a(x)||] / max(||x - x'|| / ||x||, epsMin) " +
    '(relative=element: element-wise relative changes), each copy re-explained. Lower is more stable; 0 when the explanation does not ' +
    'move.',
);
