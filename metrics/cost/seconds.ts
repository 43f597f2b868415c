/** seconds: wall-clock time to produce one explanation, as the harness measured it. */
import { costMetric } from './cost-metric.js';

export const seconds = costMetric(
  'seconds',
  'seconds',
  'Wall-clock seconds per explanation, as measured by the harness (fit time excluded). Lower is better; depends on the machine and ' +
  'backend.',
  'Measured, not estimated (as BEExAI and Compare-xAI report time per explanation); comparable only within one run record (same backend).',
);
