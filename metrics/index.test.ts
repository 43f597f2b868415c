import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { defaults, resolveParams } from '../core/params.js';
import { rngFor } from '../core/rng.js';
import { reluMlp } from '../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../test/helpers/metric-context.js';
import { getMetric, metrics } from './index.js';
import type { MetricEvaluation, MetricValue } from './types.js';
import { evaluateMetric } from './evaluate.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('metric registry', () => {
  it('has unique ids and complete declarations', () => {
    const ids = metrics.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['deletion-auc', 'insertion-auc', 'faithfulness-correlation', 'completeness-gap', 'sparseness', 'complexity', 'seconds', 'forward-passes', 'gradient-passes']),
    );
    for (const m of metrics) {
      expect(['attribution', 'rules', 'examples', 'concept-path', 'any']).toContain(m.family);
      expect(['higher', 'lower', 'descriptive']).toContain(m.direction);
      expect(Number.isFinite(m.ideal)).toBe(true);
      expect(m.description.length).toBeGreaterThan(20);
      expect(m.reference.length).toBeGreaterThan(20);
      expect(resolveParams(m.params, {}, m.id)).toEqual(defaults(m.params));
    }
    expect(getMetric('sparseness').criterion).toBe('complexity');
  });

  it('names an unknown id and lists the known ones', () => {
    expect(() => getMetric('nope')).toThrow(UserError);
    expect(() => getMetric('nope')).toThrow(/nope.*known: deletion-auc, insertion-auc/);
  });

  it('every metric: one value per sample, never NaN, no tensor leaks, same seed same numbers', async () => {
    const rng = rngFor(21, 'all-metrics');
    const d = 6;
    const c = 3;
    const m = (r: number, k: number) => Array.from({ length: r }, () => Array.from({ length: k }, () => rng.normal()));
    const model = await reluMlp(m(d, 5), [0.1, 0, -0.1, 0.2, 0], m(5, c), [0, 0.1, 0]);
    const task = tabularTask(d, c, Float32Array.from({ length: d }, () => rng.normal() * 0.2));
    const n = 5;
    const data = Float32Array.from({ length: n * d }, () => rng.normal());
    const attr = Float32Array.from({ length: n * d }, () => rng.normal());
    attr.fill(0, d, 2 * d); // sample 1: all zero
    attr[2 * d + 3] = NaN; // sample 2: broken
    attr.fill(0.5, 3 * d, 4 * d); // sample 3: constant
    const cost = Array.from({ length: n }, (_, i) => ({ seconds: 0.1 * i, forwardPasses: 10 * i, gradientPasses: i }));
    const input = attributionInput(data, [d], [0, 1, 2, 0, 1], attr, 'logit', { cost });
    // Attribution and family-independent metrics; the structured families test theirs on their own inputs.
    for (const metric of metrics.filter((x) => x.family === 'attribution' || x.family === 'any')) {
      const params = defaults(metric.params);
      const before = tf.memory().numTensors;
      const valuesOf = (r: MetricValue[] | MetricEvaluation): MetricValue[] => (Array.isArray(r) ? r : r.values);
      // Protected-attribute metrics score only tasks that name one: feature 2 here.
      const t = metric.requires.includes('protected-attribute') ? { ...task, protectedAttribute: { feature: 2, name: 'f2', trueEffect: NaN } } : task;
      const a = valuesOf(await evaluateMetric(metric, metricContext(model, t, 3, metric.id), input, params));
      const b = valuesOf(await evaluateMetric(metric, metricContext(model, t, 3, metric.id), input, params));
      expect(tf.memory().numTensors, metric.id).toBe(before);
      expect(a, metric.id).toEqual(b);
      expect(a.length, metric.id).toBe(n);
      for (const v of a) {
        if (typeof v === 'number') expect(Number.isFinite(v), metric.id).toBe(true);
        else expect(v.null.length, metric.id).toBeGreaterThan(0);
      }
      if (!metric.requires.includes('cost')) expect(a[2], metric.id).toEqual({ null: 'attribution has non-finite values' });
    }
    model.dispose();
  });
});
