import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { imageLinearSoftmax, linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, imageTask, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { aopc, regionsOf } from './aopc.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const P = defaults(aopc.params);

describe('aopc', () => {
  it('cuts images into r x r tiles (smaller at the edges) and tabular inputs into features', () => {
    const tiles = regionsOf(imageTask(5, 5, 2), [5, 5, 1], 2);
    expect(tiles.map((t) => t.length)).toEqual([4, 4, 2, 4, 4, 2, 2, 2, 1]);
    expect(tiles[0]).toEqual([0, 1, 5, 6]);
    expect(tiles[8]).toEqual([24]);
    expect(regionsOf(tabularTask(3, 2), [3], 4)).toEqual([[0], [1], [2]]);
  });

  it('known answer on a linear model: mean over k = 0..L of the logit drop', async () => {
    // Target 0 logit = x0 + 2 x1 - x2; x = 1s, so f(x) = 2. Ranking by a: 1, 0, 2.
    // Removing (to 0) 1: f = 0; then 0: f = -1; then 2: f = 0. Drops 0, 2, 3, 2: AOPC = 7/4.
    const model = await linearSoftmax([[1, 0], [2, 0], [-1, 0]], [0.5, 0]);
    const ctx = metricContext(model, tabularTask(3, 2));
    const input = attributionInput(new Float32Array([1, 1, 1]), [3], [0], new Float32Array([0.5, 3, -2]), 'logit');
    const v = aopc.evaluate(ctx, input, { ...P, baseline: 'zero', output: 'logit' }) as number[];
    expect(v[0]).toBeCloseTo(7 / 4, 5);
    expect(ctx.engine.passes().forwardPasses).toBe(4);
    // The reverse ranking removes the negative feature first: drops 0, -1, 0, 2 -> 1/4.
    const worse = aopc.evaluate(ctx, { ...input, attributions: new Float32Array([0.5, -3, 2]) }, { ...P, baseline: 'zero', output: 'logit' }) as number[];
    expect(worse[0]).toBeCloseTo(1 / 4, 5);
    model.dispose();
  });

  it('matches a slow reference on images with seeded uniform noise', async () => {
    const rng = rngFor(9, 'aopc-slow');
    const h = 6;
    const w = 6;
    const weights = Array.from({ length: h * w }, () => [rng.normal(), rng.normal()]);
    const model = await imageLinearSoftmax(h, w, weights, [0, 0]);
    const n = 2;
    const data = Float32Array.from({ length: n * h * w }, () => rng.next());
    const attr = Float32Array.from({ length: n * h * w }, () => rng.normal());
    const targets = [1, 0];
    const p = { ...P, region: 3, steps: 3, output: 'logit' as const };
    const ctx = metricContext(model, imageTask(h, w, 2), 3, 'aopc');
    const got = aopc.evaluate(ctx, attributionInput(data, [h, w, 1], targets, attr, 'logit'), p) as number[];
    for (let i = 0; i < n; i++) {
      const noiseRng = ctx.rng(`s${i}`, 'aopc-noise');
      const noise = Array.from({ length: h * w }, () => noiseRng.next());
      const tiles = [0, 1, 2, 3].map((t) => {
        const cells: number[] = [];
        const [y0, x0] = [3 * Math.floor(t / 2), 3 * (t % 2)];
        for (let y = y0; y < y0 + 3; y++) for (let x = x0; x < x0 + 3; x++) cells.push(y * w + x);
        return cells;
      });
      const mass = tiles.map((c) => c.reduce((s, j) => s + attr[i * h * w + j], 0));
      const order = [0, 1, 2, 3].sort((u, v) => mass[v] - mass[u] || u - v);
      const x = Array.from(data.subarray(i * h * w, (i + 1) * h * w));
      const logit = (v: number[]) => v.reduce((s, xv, j) => s + weights[j][targets[i]] * xv, 0);
      const fx = logit(x);
      let sum = 0;
      for (let k = 1; k <= 3; k++) {
        for (const j of tiles[order[k - 1]]) x[j] = Math.fround(noise[j]);
        sum += fx - logit(x);
      }
      expect(got[i]).toBeCloseTo(sum / 4, 4);
    }
    model.dispose();
  });

  it('is deterministic, seeded per sample, leak-free, and null for broken attributions', async () => {
    const model = await linearSoftmax([[1, -1], [0.5, 0], [0, 2]], [0, 0]);
    const input = attributionInput(new Float32Array([1, 2, 3, 0, 1, 0]), [3], [0, 1], new Float32Array([NaN, 0, 0, 1, 2, 3]), 'probability');
    const before = tf.memory().numTensors;
    const a = aopc.evaluate(metricContext(model, tabularTask(3, 2)), input, P) as MetricValue[];
    const b = aopc.evaluate(metricContext(model, tabularTask(3, 2)), input, P) as MetricValue[];
    const c = aopc.evaluate(metricContext(model, tabularTask(3, 2), 2), input, P) as MetricValue[];
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toEqual(b);
    expect(a[1]).not.toEqual(c[1]);
    expect(a[0]).toEqual({ null: 'attribution has non-finite values' });
    model.dispose();
  });
});
