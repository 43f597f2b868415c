import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { pgi } from './pgi.js';
import { pgu } from './pgu.js';
import { perturbedElements } from './prediction-gap.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const P = defaults(pgi.params);

describe('pgi and pgu', () => {
  it('perturb the top-k (pgi) and the rest (pgu): OpenXAI #28 inversion check on a model that uses one feature', async () => {
    // Only feature 0 moves the output; k = ceil(0.25 * 4) = 1.
    const model = await linearSoftmax([[2, -2], [0, 0], [0, 0], [0, 0]], [0, 0]);
    const ctx = metricContext(model, tabularTask(4, 2));
    const data = new Float32Array([0.3, 1, -1, 2, 0.3, 1, -1, 2]);
    // Sample 0 names feature 0 most important (right); sample 1 names it least important (wrong).
    const attr = new Float32Array([5, 1, -2, 3, 0.1, 1, -2, 3]);
    const input = attributionInput(data, [4], [0, 0], attr, 'probability');
    const gi = pgi.evaluate(ctx, input, P) as number[];
    const gu = pgu.evaluate(ctx, input, P) as number[];
    expect(ctx.engine.passes().forwardPasses).toBe(2 * 2 * (P.samples + 1));
    // Right explanation: noise on feature 0 moves the probability, noise elsewhere cannot.
    expect(gi[0]).toBeGreaterThan(0.01);
    expect(gu[0]).toBe(0);
    // Wrong explanation: the reverse. A swapped mask would flip both comparisons.
    expect(gi[1]).toBe(0);
    expect(gu[1]).toBeGreaterThan(0.01);
    expect(gi[0]).toBeGreaterThan(gi[1]);
    expect(gu[0]).toBeLessThan(gu[1]);
    model.dispose();
  });

  it('match a slow reference on a linear model (logits: the gap is |sum_j w_j noise_j|)', async () => {
    const rng = rngFor(3, 'pg-linear');
    const d = 7;
    const w = Array.from({ length: d }, () => [rng.normal(), rng.normal()]);
    const model = await linearSoftmax(w, [0.1, -0.1]);
    const n = 3;
    const data = Float32Array.from({ length: n * d }, () => rng.normal());
    const attr = Float32Array.from({ length: n * d }, () => rng.normal());
    const targets = [0, 1, 1];
    const input = attributionInput(data, [d], targets, attr, 'logit');
    const p = { ...P, samples: 40, output: 'logit' as const, k: 0.3 };
    for (const [metric, which] of [[pgi, 'top-k'], [pgu, 'rest']] as const) {
      const ctx = metricContext(model, tabularTask(d, 2), 4, metric.id);
      const got = metric.evaluate(ctx, input, p) as number[];
      for (let i = 0; i < n; i++) {
        const k = Math.ceil(0.3 * d);
        const set = perturbedElements(attr.subarray(i * d, (i + 1) * d), k, which);
        const noise = ctx.rng(`s${i}`, 'prediction-gap-noise');
        let gap = 0;
        for (let r = 0; r < p.samples; r++) {
          let change = 0;
          for (const j of set) {
            const x = data[i * d + j];
            change += w[j][targets[i]] * (Math.fround(x + p.std * noise.normal()) - x);
          }
          gap += Math.abs(change);
        }
        expect(got[i]).toBeCloseTo(gap / p.samples, 5);
      }
      // Top-k = the 3 largest |a|; the rest its complement.
      expect(Array.from(perturbedElements([1, -5, 2, 0, 3, 0.5, -4], 3, 'top-k'))).toEqual([1, 6, 4]);
      expect(Array.from(perturbedElements([1, -5, 2, 0, 3, 0.5, -4], 3, 'rest'))).toEqual([0, 2, 3, 5]);
    }
    model.dispose();
  });

  it('nulls for a constant attribution and an empty complement; deterministic; no tensor leaks', async () => {
    const model = await linearSoftmax([[1, 0], [0, 1], [1, 1]], [0, 0]);
    const ctx = metricContext(model, tabularTask(3, 2));
    const input = attributionInput(new Float32Array([1, 2, 3, 1, 2, 3]), [3], [0, 1], new Float32Array([1, 1, 1, 1, 2, 3]), 'probability');
    const before = tf.memory().numTensors;
    const a = pgu.evaluate(ctx, input, { ...P, k: 1 }) as MetricValue[];
    expect(a[0]).toEqual({ null: 'attribution magnitudes are all equal: no top-k' });
    expect(a[1]).toEqual({ null: 'no elements outside the top-k' });
    const b = pgi.evaluate(metricContext(model, tabularTask(3, 2)), input, P) as MetricValue[];
    const c = pgi.evaluate(metricContext(model, tabularTask(3, 2)), input, P) as MetricValue[];
    expect(b).toEqual(c);
    expect(typeof b[1]).toBe('number');
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
