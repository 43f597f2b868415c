import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../core/batch.js';
import { useBackend } from '../../core/backend.js';
import type { Engine } from '../../core/engine.js';
import { defaults } from '../../core/params.js';
import { type Rng, rngFor } from '../../core/rng.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { attributionInput, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { TOO_FEW_ELEMENTS, faithfulnessCorrelation, subsetSize } from './faithfulness-correlation.js';
import { pearson } from '../../numeric/pearson.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const matrix = (rng: Rng, rows: number, cols: number) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
const vector = (rng: Rng, n: number, scale = 1) => Array.from({ length: n }, () => rng.normal() * scale);
const P = defaults(faithfulnessCorrelation.params);

describe('pearson', () => {
  it('is 1, -1, or null for zero variance', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2, 4, 3], [1, 3, 2, 4])).toBeCloseTo(0.4, 12); // dx = dy-permuted [-1.5, -0.5, 1.5, 0.5]: 2 / 5
  });
});

describe('faithfulness-correlation', () => {
  it('sizes subsets as a rounded fraction kept within [2, d - 1]', () => {
    expect(subsetSize(784, 0.2)).toBe(157);
    expect(subsetSize(4, 0.2)).toBe(2);
    expect(subsetSize(7, 0.2)).toBe(2);
    expect(subsetSize(30, 0.2)).toBe(6);
    expect(subsetSize(10, 1)).toBe(9);
    expect(subsetSize(3, 0.5)).toBe(2);
    expect(subsetSize(2, 0.5)).toBeNull();
  });

  it('on small tables every perturbed row sets at least 2 and at most d - 1 elements to the baseline; d < 3 is null', async () => {
    const rng = rngFor(5, 'fc-sizes');
    for (const d of [3, 4, 5, 7]) {
      const model = await reluMlp(matrix(rng, d, 6), vector(rng, 6, 0.1), matrix(rng, 6, 2), [0, 0]);
      const baseline = Float32Array.from({ length: d }, () => 5);
      const inner = metricContext(model, tabularTask(d, 2, baseline));
      const seen: number[] = [];
      // Records the rows the metric asks the model about (all inputs lie far from the baseline 5).
      const engine = {
        targetOutputs(batch: Batch, targets: Int32Array, output: 'logit' | 'probability') {
          for (let r = 0; r < batch.n; r++) seen.push(batch.data.subarray(r * d, (r + 1) * d).filter((v) => v === 5).length);
          return inner.engine.targetOutputs(batch, targets, output);
        },
      } as unknown as Engine;
      const data = Float32Array.from(vector(rng, 2 * d));
      const input = attributionInput(data, [d], [0, 1], Float32Array.from(vector(rng, 2 * d)), 'logit');
      faithfulnessCorrelation.evaluate({ ...inner, engine }, input, { ...P, runs: 20 });
      expect(seen).toHaveLength(2 * 21);
      // Row 0 of each sample is x itself; every other row sets exactly subsetSize(d, 0.2) = 2 elements.
      expect(seen.filter((k) => k === 0)).toHaveLength(2);
      expect(seen.filter((k) => k === 2)).toHaveLength(40);
      model.dispose();
    }
    const two = await linearSoftmax([[1, 0], [0, 1]], [0, 0]);
    const v = faithfulnessCorrelation.evaluate(metricContext(two, tabularTask(2, 2)), attributionInput(new Float32Array([1, 2]), [2], [0], new Float32Array([1, 2]), 'logit'), P);
    expect(v).toEqual([{ null: TOO_FEW_ELEMENTS }]);
    two.dispose();
  });

  it('occlusion no longer scores 1 by construction on a 4-feature table', async () => {
    // Occlusion's a_j = f(x) - f(x with j at the baseline) is exactly the drop of a one-element subset.
    const rng = rngFor(6, 'fc-occlusion');
    const d = 4;
    const model = await reluMlp(matrix(rng, d, 8), vector(rng, 8, 0.3), matrix(rng, 8, 2), [0, 0]);
    const task = tabularTask(d, 2);
    const ctx = metricContext(model, task);
    const n = 4;
    const data = Float32Array.from(vector(rng, n * d));
    const targets = Int32Array.from({ length: n }, (_, i) => i % 2);
    const rows = new Float32Array(n * (d + 1) * d);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r <= d; r++) {
        rows.set(data.subarray(i * d, (i + 1) * d), (i * (d + 1) + r) * d);
        if (r > 0) rows[(i * (d + 1) + r) * d + r - 1] = task.baseline[r - 1];
      }
    }
    const f = ctx.engine.targetOutputs({ n: n * (d + 1), sampleShape: [d], data: rows }, Int32Array.from({ length: n * (d + 1) }, (_, k) => targets[Math.floor(k / (d + 1))]), 'logit');
    const occlusion = Float32Array.from({ length: n * d }, (_, k) => {
      const i = Math.floor(k / d);
      return f[i * (d + 1)] - f[i * (d + 1) + 1 + (k % d)];
    });
    const v = faithfulnessCorrelation.evaluate(ctx, attributionInput(data, [d], Array.from(targets), occlusion, 'logit'), P) as MetricValue[];
    const numbers = v.filter((x): x is number => typeof x === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    // With one-element subsets every value would be 1 up to float32 rounding.
    expect(Math.min(...numbers)).toBeLessThan(0.999);
    model.dispose();
  });

  it('is 1 for the exact attribution w (x - b) of a linear model on logits, with one engine call', async () => {
    const rng = rngFor(2, 'fc-linear');
    const d = 12;
    const c = 3;
    const w = matrix(rng, d, c);
    const model = await linearSoftmax(w, vector(rng, c, 0.1));
    const baseline = Float32Array.from(vector(rng, d, 0.5));
    const ctx = metricContext(model, tabularTask(d, c, baseline));
    const n = 5;
    const data = Float32Array.from(vector(rng, n * d));
    const targets = Array.from({ length: n }, (_, i) => i % c);
    const exact = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) exact[i * d + j] = w[j][targets[i]] * (data[i * d + j] - baseline[j]);
    const input = attributionInput(data, [d], targets, exact, 'logit');
    const values = faithfulnessCorrelation.evaluate(ctx, input, { ...P, runs: 50, subset: 0.3 }) as MetricValue[];
    expect(ctx.engine.passes().forwardPasses).toBe(n * 51);
    for (const v of values) {
      expect(typeof v).toBe('number');
      expect(v as number).toBeGreaterThan(1 - 1e-5);
    }
    // output=explainer follows the input's declared output; here probability is not exactly linear.
    const viaProb = faithfulnessCorrelation.evaluate(ctx, { ...input, output: 'probability' }, { ...P, runs: 50, subset: 0.3 }) as MetricValue[];
    expect(viaProb.some((v) => typeof v === 'number' && v < 1 - 1e-4)).toBe(true);
    model.dispose();
  });

  it('identity: for f = sum x the perfect attribution x - b scores 1 and its negation -1', async () => {
    // Class 0 logit = sum_j x_j; the drop when S is set to b is exactly sum_{j in S} (x_j - b_j).
    const d = 8;
    const model = await linearSoftmax(Array.from({ length: d }, () => [1, 0]), [0, 0]);
    const baseline = Float32Array.from({ length: d }, (_, j) => 0.1 * j - 0.3);
    const ctx = metricContext(model, tabularTask(d, 2, baseline));
    const rng = rngFor(3, 'fc-sum');
    const n = 3;
    const data = Float32Array.from(vector(rng, n * d));
    const perfect = data.map((x, k) => x - baseline[k % d]);
    const input = attributionInput(data, [d], new Array(n).fill(0), perfect, 'logit');
    const plus = faithfulnessCorrelation.evaluate(ctx, input, { ...P, runs: 30 }) as number[];
    const minus = faithfulnessCorrelation.evaluate(ctx, { ...input, attributions: perfect.map((v) => -v) }, { ...P, runs: 30 }) as number[];
    for (const v of plus) expect(v).toBeCloseTo(1, 5);
    for (const v of minus) expect(v).toBeCloseTo(-1, 5);
    model.dispose();
  });

  it('scores a random attribution near 0 on average and is deterministic under the seed', async () => {
    const rng = rngFor(4, 'fc-random');
    const d = 10;
    const model = await reluMlp(matrix(rng, d, 8), vector(rng, 8, 0.1), matrix(rng, 8, 2), [0, 0]);
    const task = tabularTask(d, 2);
    const n = 20;
    const data = Float32Array.from(vector(rng, n * d));
    const random = Float32Array.from(vector(rng, n * d));
    const input = attributionInput(data, [d], new Array(n).fill(0), random, 'logit');
    const a = faithfulnessCorrelation.evaluate(metricContext(model, task, 9), input, P) as number[];
    const b = faithfulnessCorrelation.evaluate(metricContext(model, task, 9), input, P) as number[];
    const other = faithfulnessCorrelation.evaluate(metricContext(model, task, 10), input, P) as number[];
    expect(a).toEqual(b);
    expect(a).not.toEqual(other);
    const mean = a.reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.25);
    model.dispose();
  });

  it('is null with a reason when either side does not vary', async () => {
    const model = await linearSoftmax([[1, 0], [0, 1], [0, 0], [0, 0]], [0, 0]);
    const ctx = metricContext(model, tabularTask(4, 2));
    const data = new Float32Array([1, 2, 3, 4, 1, 2, 3, 4]);
    // Sample 0: an all-zero attribution; sample 1: a varying one on a model that uses element 0.
    const input = attributionInput(data, [4], [0, 0], new Float32Array([0, 0, 0, 0, 1, 2, 3, 4]), 'logit');
    const v = faithfulnessCorrelation.evaluate(ctx, input, { ...P, runs: 10 }) as MetricValue[];
    expect(v[0]).toEqual({ null: 'attribution sums do not vary across subsets (zero variance)' });
    expect(typeof v[1]).toBe('number');
    // Target 0 sees only element 0, already at the baseline (0): removing any subset changes nothing.
    const flat = attributionInput(new Float32Array([0, 2, 3, 4]), [4], [0], new Float32Array([5, 1, 2, 3]), 'logit');
    const w = faithfulnessCorrelation.evaluate(ctx, flat, { ...P, runs: 10, subset: 0.5 }) as MetricValue[];
    expect(w[0]).toEqual({ null: 'model output does not change across subsets (zero variance)' });
    model.dispose();
  });
});
