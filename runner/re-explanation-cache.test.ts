import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from '../core/batch.js';
import { useBackend } from '../core/backend.js';
import { defaults, type ParamSpecs, type ParamValues } from '../core/params.js';
import { contentHash } from './re-explanation-cache.js';
import { kernelShapExplainer } from '../explainers/attribution/kernel-shap.js';
import { avgSensitivity } from '../metrics/stability/avg-sensitivity.js';
import { maxSensitivity } from '../metrics/stability/max-sensitivity.js';
import { ris } from '../metrics/stability/ris.js';
import { ros } from '../metrics/stability/ros.js';
import type { AttributionMetric, MetricContext, MetricValue } from '../metrics/types.js';
import { tabularTask } from '../test/helpers/metric-context.js';
import { contextWithExplainer, explainedInput } from '../test/helpers/re-explainer.js';
import { linearSoftmax } from '../test/helpers/tiny-models.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const D = 4;
const task = { ...tabularTask(D, 2), background: makeBatch(Float32Array.from([0, 0, 0, 0, 1, -1, 0.5, 0.2, -0.3, 0.8, 1.1, -0.4]), [D]) };
const batch = makeBatch(Float32Array.from([0.5, -1, 1.5, 0.8, -0.3, 1.2, 0.4, -0.9]), [D]);
const targets = [0, 1];

async function score(metric: AttributionMetric<ParamSpecs>, ctx: MetricContext, over: Record<string, unknown> = {}) {
  const input = await explainedInput(ctx as Parameters<typeof explainedInput>[0], batch, targets);
  const before = ctx.engine.passes().forwardPasses;
  const out = await metric.evaluate(ctx, input, { ...defaults(metric.params), samples: 6, ...over } as ParamValues<ParamSpecs>);
  return { values: (Array.isArray(out) ? out : out.values) as MetricValue[], passes: ctx.engine.passes().forwardPasses - before };
}

describe('re-explanations shared between metrics of one perturbation scheme', () => {
  it('avg-sensitivity after max-sensitivity re-explains nothing and gets the values it gets alone', async () => {
    const model = await linearSoftmax([[0.7, -0.2], [-0.4, 0.9], [0.3, 0.1], [-0.6, 0.5]], [0.1, -0.1]);
    // KernelSHAP is seeded per row id and salt: a stochastic explainer, so sharing must keep its streams.
    const over = { samples: 64 };
    const shared = contextWithExplainer(model, task, kernelShapExplainer, { overrides: over });
    await score(maxSensitivity as AttributionMetric<ParamSpecs>, shared);
    const second = await score(avgSensitivity as AttributionMetric<ParamSpecs>, shared);
    // The original explanation (explainedInput) is not counted: only the metric's own passes.
    expect(second.passes).toBe(0);

    const metric = avgSensitivity as AttributionMetric<ParamSpecs>;
    const alone = await score(metric, contextWithExplainer(model, task, kernelShapExplainer, { overrides: over }));
    expect(alone.passes).toBeGreaterThan(0);
    expect(second.values).toEqual(alone.values);
  });

  it('ROS after RIS reuses the same-class copies; other noise settings miss the cache', async () => {
    const model = await linearSoftmax([[0.7, -0.2], [-0.4, 0.9], [0.3, 0.1], [-0.6, 0.5]], [0.1, -0.1]);
    const ctx = contextWithExplainer(model, task, kernelShapExplainer, { overrides: { samples: 64 } });
    await score(ris as AttributionMetric<ParamSpecs>, ctx);
    const reused = await score(ros as AttributionMetric<ParamSpecs>, ctx);
    // Only the one forward call that classifies the copies and reads their logits remains.
    expect(reused.passes).toBe(batch.n * 7);
    const other = await score(ros as AttributionMetric<ParamSpecs>, ctx, { scale: 0.02 });
    expect(other.passes).toBeGreaterThan(batch.n * 7);
  });

  it('the content hash tells rows apart by their exact bits', () => {
    const a = Float32Array.from([1, 2, 3]);
    expect(contentHash(a)).toBe(contentHash(Float32Array.from([1, 2, 3])));
    expect(contentHash(a)).not.toBe(contentHash(Float32Array.from([1, 2, 3.0000002])));
    expect(contentHash(Float32Array.from([0]))).not.toBe(contentHash(Float32Array.from([-0])));
    expect(contentHash(a.subarray(1))).toBe(contentHash(Float32Array.from([2, 3])));
  });
});
