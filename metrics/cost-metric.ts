/**
 * The cost metrics (seconds, forward-passes, gradient-passes) read what producing each explanation
 * cost, as the harness measured it (wall clock and the engine's pass counters). They never estimate:
 * an attribution file from another tool has no cost, and each value is then null.
 */
import { checkInput, nullValue } from './per-sample.js';
import type { AttributionMetric, ExplanationCost, MetricValue } from './types.js';

export function costMetric(id: string, field: keyof ExplanationCost, description: string, reference: string): AttributionMetric<Record<string, never>> {
  return {
    id,
    family: 'attribution',
    criterion: 'cost',
    direction: 'lower',
    ideal: 0,
    description,
    reference,
    requires: ['cost'],
    params: {},
    evaluate(_ctx, input) {
      checkInput(input, `metric ${id}`);
      const { cost } = input;
      return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
        if (!cost) return nullValue('cost not measured');
        const v = cost[i][field];
        return Number.isFinite(v) && v >= 0 ? v : nullValue(`measured ${field} is not a non-negative number`);
      });
    },
  };
}
