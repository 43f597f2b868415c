/**
 * Runs any registered metric on the input of its family: the one place where the Metric union is
 * narrowed, so callers (the harness, the registry tests) need not know the families.
 */
import type { ParamValues } from '../core/params.js';
import type { AttributionInput, Metric, MetricContext, MetricEvaluation, MetricValue, StructuredInput } from './types.js';

export type FamilyInput = AttributionInput | StructuredInput;

function isAttributionInput(input: FamilyInput): input is AttributionInput {
  return 'attributions' in input;
}

export function evaluateMetric(
  metric: Metric,
  ctx: MetricContext,
  input: FamilyInput,
  params: ParamValues<Metric['params']>,
): MetricValue[] | MetricEvaluation | Promise<MetricValue[] | MetricEvaluation> {
  if (metric.family === 'any') return metric.evaluate(ctx, input, params);
  if (metric.family === 'attribution') {
    if (!isAttributionInput(input)) throw new TypeError(`metric ${metric.id} scores attributions, not ${input.family} explanations`);
    return metric.evaluate(ctx, input, params);
  }
  if (isAttributionInput(input) || input.family !== metric.family) {
    throw new TypeError(
      `metric ${metric.id} scores ${metric.family} explanations, not ${isAttributionInput(input) ? 'attribution' : input.family}`,
    );
  }
  return metric.evaluate(ctx, input, params);
}
