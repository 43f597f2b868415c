/** The metric registry: what `list metrics`, `run` and `score` see, and the library exports. */
import { UserError } from '../harness/errors.js';
import { completenessGap } from './completeness-gap.js';
import { complexity } from './complexity.js';
import { deletionAuc } from './deletion-auc.js';
import { faithfulnessCorrelation } from './faithfulness-correlation.js';
import { forwardPasses } from './forward-passes.js';
import { gradientPasses } from './gradient-passes.js';
import { insertionAuc } from './insertion-auc.js';
import { seconds } from './seconds.js';
import { sparseness } from './sparseness.js';
import type { Metric } from './types.js';

export const metrics: readonly Metric[] = [
  deletionAuc,
  insertionAuc,
  faithfulnessCorrelation,
  completenessGap,
  sparseness,
  complexity,
  seconds,
  forwardPasses,
  gradientPasses,
];

export function getMetric(id: string): Metric {
  const m = metrics.find((x) => x.id === id);
  if (!m) throw new UserError(`--metrics ${id}: unknown metric (known: ${metrics.map((x) => x.id).join(', ')})`);
  return m;
}
