/**
 * Metric contexts with the explainer under test attached, built exactly as the run builds them
 * (runner/re-explainer.ts around a real explainer), plus the "input itself" explainer: the
 * model-independent, class-independent control that the sanity checks must fail.
 */
import type { TaskView } from '../../datasets/task.js';
import type { Batch } from '../../core/batch.js';
import { fitExplainer } from '../../runner/explain-samples.js';
import type { Model } from '../../core/model.js';
import { resolveParams } from '../../core/params.js';
import { reExplainer } from '../../runner/re-explainer.js';
import type { AttributionExplainer } from '../../explainers/types.js';
import type { AnyAttributionExplainer } from './explainer-fixtures.js';
import type { AttributionInput, MetricContext, ReExplainer } from '../../metrics/types.js';
import { metricContext } from './metric-context.js';

export const inputItselfExplainer: AttributionExplainer<Record<string, never>> = {
  api: 2,
  id: 'input-itself',
  family: 'attribution',
  description: 'Control: the input itself as its own attribution; ignores the model and the class.',
  needs: [],
  output: 'logit',
  deterministic: true,
  params: {},
  explain({ batch }) {
    return { attributions: batch.data.slice() };
  },
};

/** A MetricContext whose `explainer` is `explainer` (default params unless overridden) on `model`. */
export function contextWithExplainer(
  model: Model,
  task: TaskView,
  explainer: AnyAttributionExplainer,
  o: { seed?: number; metricId?: string; overrides?: Record<string, string | number | boolean> } = {},
): MetricContext & { readonly explainer: ReExplainer } {
  const seed = o.seed ?? 1;
  const ctx = metricContext(model, task, seed, o.metricId ?? 'metric');
  const params = resolveParams(explainer.params, o.overrides ?? {}, explainer.id);
  let fitted: Promise<unknown> | null = null;
  const fit = () => (fitted ??= fitExplainer(explainer, ctx.engine, task, seed, params));
  return { ...ctx, explainer: reExplainer(explainer, params, fit, ctx.engine, task, seed) };
}

/** The AttributionInput of the explanation under test: what the run would have stored for `batch`. */
export async function explainedInput(
  ctx: MetricContext & { readonly explainer: ReExplainer }, batch: Batch, targets: ArrayLike<number>,
): Promise<AttributionInput> {
  const t = Int32Array.from(targets);
  const sampleIds = Array.from({ length: batch.n }, (_, i) => `s${i}`);
  const attributions = await ctx.explainer.explain(batch, t, sampleIds);
  return { batch, targets: t, sampleIds, attributions, output: ctx.explainer.output };
}

/** Wraps a ReExplainer to count its calls and rows (a real explainer underneath, not a mock). */
export function countingExplainer(inner: ReExplainer): ReExplainer & { calls: number; rows: number } {
  const counter = {
    id: inner.id,
    deterministic: inner.deterministic,
    output: inner.output,
    calls: 0,
    rows: 0,
    explain(...args: Parameters<ReExplainer['explain']>) {
      counter.calls++;
      counter.rows += args[0].n;
      return inner.explain(...args);
    },
  };
  return counter;
}
