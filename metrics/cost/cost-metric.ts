/**
 * The cost metrics (seconds, forward-passes, gradient-passes) read what producing each explanation
 * cost, as the harness measured it (wall clock and the engine's pass counters). They never estimate:
 * an attribution file from another tool has no cost, and each value is then null.
 */
import { nullValue } from '../common/per-sample.js';
import type { CommonMetric, ExplanationCost, MetricValue } from '../types.js';

export function costMetric(
  id: string,
  field: keyof ExplanationCost,
  description: string,
  reference: string,
): CommonMetric<Record<string, never>> {
  return {
    id,
    family: 'any',
    criterion: 'cost',
    direction: 'lower',
    ideal: 0,
    description,
    reference,
    requires: ['cost'],
    // Wall time depends on the machine; pass counts are exact, so any extra pass is a change.
    tolerance: field === 'seconds' ? Number.POSITIVE_INFINITY : 0.5,
    params: {},
    evaluate(_ctx, input) {
      const { cost } = input;
      if (cost && cost.length !== input.batch.n) {
        throw new RangeError(`metric ${id}: inconsistent input: cost has ${cost.length} entries for ${input.batch.n} samples`);
      }
      return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
        if (!cost) return nullValue('cost not measured');
        const v = cost[i][field];
        return Number.isFinite(v) && v >= 0 ? v : nullValue(`measured ${field} is not a non-negative number`);
      });
    },
  };
}
