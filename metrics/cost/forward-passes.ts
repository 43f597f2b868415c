/** forward-passes: model evaluations spent on one explanation, counted by the engine. */
import { costMetric } from './cost-metric.js';

export const forwardPasses = costMetric(
  'forward-passes',
  'forwardPasses',
  'Forward passes (one per input row the engine evaluated) per explanation. Lower is better; independent of the machine.',
  "Counted by the batched engine's pass counter while the explanation was produced; the machine-independent cost.",
);
