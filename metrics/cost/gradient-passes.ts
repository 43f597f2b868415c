/** gradient-passes: input gradients spent on one explanation, counted by the engine. */
import { costMetric } from './cost-metric.js';

export const gradientPasses = costMetric(
  'gradient-passes',
  'gradientPasses',
  'Gradient passes (one per input row the engine differentiated) per explanation. Lower is better; independent of the machine.',
  "Counted by the batched engine's pass counter while the explanation was produced; the machine-independent cost.",
);
