import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { defaults, resolveParams } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { runBenchmark } from '../../runner/run.js';
import type { TaskView } from '../../datasets/task.js';
import { imageLinearSoftmax, linearSoftmax } from '../../test/helpers/tiny-models.js';
import { attributionInput, imageTask, metricContext, tabularTask } from '../../test/helpers/metric-context.js';
import { fitGaussian, imputeGaussian, imputeImage } from './noisy-linear-imputation.js';
import { road } from './road.js';
import type { MetricEvaluation, MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const P = defaults(road.params);

const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

describe('road', () => {
  it('declares percentages as a list: the default is recorded as the text it always was, 0,150 is refused', () => {
    expect(P.percentages).toBe('10,20,30,40,50,60,70,80,90');
    expect(road.params.percentages.read(P.percentages)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(resolveParams(road.params, { percentages: '5,95' }, 'road').percentages).toBe('5,95');
    expect(() => resolveParams(road.params, { percentages: '0,150' }, 'road')).toThrow(/^--set road\.percentages=0,150: .*0 is below 1$/);
  });

  it('refuses percentages=0,150 in a run before any work: a user error (exit 2) in one line, nothing written', async () => {
    const out = join(tmpdir(), `xai-road-refused-${process.pid}`);
    const run = runBenchmark({ profile: 'quick', metrics: ['road'], sets: ['road.percentages=0,150'], out });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/^--set road\.percentages=0,150: [^\n]*$/);
    expect(existsSync(out)).toBe(false);
  });

  it('MoRF hurts a faithful attribution fast and LeRF slowly, on a model that reads one pixel', async () => {
    const weights = Array.from({ length: 16 }, (_, p) => (p === 5 ? [4, -4] : [0, 0]));
    const model = await imageLinearSoftmax(4, 4, weights, [0, 0]);
    const x = new Float32Array(16);
    x[5] = 1;
    const attr = Float32Array.from({ length: 16 }, (_, p) => (p === 5 ? 1 : 0.01 * p));
    const input = attributionInput(x, [4, 4, 1], [0], attr, 'probability');
    const ctx = metricContext(model, imageTask(4, 4, 2));
    const morf = (road.evaluate(ctx, input, P) as MetricEvaluation).values[0] as number;
    expect(ctx.engine.passes().forwardPasses).toBe(9); // one row per percentage, one call
    const lerf = (road.evaluate(ctx, input, { ...P, order: 'lerf' }) as MetricEvaluation).values[0] as number;
    // MoRF imputes pixel 5 from its zero neighbours at every percentage: p = softmax(8 * ~0) ~ 0.5.
    expect(morf).toBeCloseTo(0.5, 1);
    // LeRF never reaches pixel 5 (at most 14 of 16 removed): p = softmax([4, -4])[0] throughout.
    expect(lerf).toBeCloseTo(softmax([4, -4])[0], 3);
    const acc = (road.evaluate(ctx, input, { ...P, order: 'lerf', output: 'accuracy' }) as MetricEvaluation).values[0];
    expect(acc).toBe(1);
    model.dispose();
  });

  it('matches a slow reference (dense imputation, the same seeded noise, softmax by hand)', async () => {
    const rng = rngFor(4, 'road-slow');
    const h = 5;
    const w = 6;
    const weights = Array.from({ length: h * w }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const model = await imageLinearSoftmax(h, w, weights, [0.1, 0, -0.1]);
    const n = 2;
    const data = Float32Array.from({ length: n * h * w }, () => rng.next());
    const attr = Float32Array.from({ length: n * h * w }, () => rng.normal());
    const targets = [2, 0];
    const p = { ...P, percentages: '5,35,70,95', rank: 'absolute' as const };
    const ctx = metricContext(model, imageTask(h, w, 3), 7, 'road');
    const got = (road.evaluate(ctx, attributionInput(data, [h, w, 1], targets, attr, 'probability'), p) as MetricEvaluation).values;
    for (let i = 0; i < n; i++) {
      const a = Array.from(attr.subarray(i * h * w, (i + 1) * h * w), Math.abs);
      const order = a.map((v, j) => [v, j] as const).sort((u, v) => v[0] - u[0] || u[1] - v[1]).map(([, j]) => j);
      let sum = 0;
      for (const pct of [5, 35, 70, 95]) {
        const removed = new Uint8Array(h * w);
        for (const j of order.slice(0, Math.min(h * w - 1, Math.round((pct / 100) * h * w)))) removed[j] = 1;
        const filled = imputeImage(data.subarray(i * h * w, (i + 1) * h * w), h, w, 1, removed, 0.01, ctx.rng(`s${i}`, `road-noise-${pct}`));
        const z = [0, 1, 2].map((c) => weights.reduce((s, row, j) => s + row[c] * filled[j], [0.1, 0, -0.1][c]));
        sum += softmax(z)[targets[i]];
      }
      expect(got[i]).toBeCloseTo(sum / 4, 5);
    }
    model.dispose();
  });

  it('on tabular tasks imputes the Gaussian conditional mean of the background, and needs background', async () => {
    const rng = rngFor(5, 'road-tab');
    const d = 4;
    const w = [[1, -1], [2, 0], [0, 1], [-1, 1]];
    const model = await linearSoftmax(w, [0, 0]);
    const bg = Float32Array.from({ length: 200 * d }, () => rng.normal());
    const task: TaskView = { ...tabularTask(d, 2), background: makeBatch(bg, [d]) };
    const x = Float32Array.from([1, -1, 0.5, 2]);
    const attr = Float32Array.from([0.3, 2, -1, 0.1]);
    const p = { ...P, percentages: '25,50,75' };
    const ctx = metricContext(model, task);
    const [v] = (road.evaluate(ctx, attributionInput(x, [d], [1], attr, 'probability'), p) as MetricEvaluation).values as number[];
    const g = fitGaussian(bg, d);
    const order = [1, 0, 3, 2]; // by signed attribution
    let sum = 0;
    for (const [k, pct] of [[1, 25], [2, 50], [3, 75]] as const) {
      const removed = new Uint8Array(d);
      for (const j of order.slice(0, k)) removed[j] = 1;
      const filled = imputeGaussian(x, removed, g, 0.01, ctx.rng('s0', `road-noise-${pct}`));
      sum += softmax([0, 1].map((c) => w.reduce((s, row, j) => s + row[c] * filled[j], 0)))[1];
    }
    expect(v).toBeCloseTo(sum / 3, 5);
    const none = (road.evaluate(metricContext(model, tabularTask(d, 2)), attributionInput(x, [d], [1], attr, 'probability'), p) as MetricEvaluation).values;
    expect(none[0]).toEqual({ null: 'ROAD on non-image inputs needs background data (two rows or more) to fit the imputation' });
    const input = attributionInput(x, [d], [1], attr, 'probability');
    expect(() => road.evaluate(ctx, input, { ...P, percentages: '0,50' })).toThrow(UserError);
    model.dispose();
  });

  it('is deterministic, leaves no tensors and returns nulls for broken attributions', async () => {
    const model = await imageLinearSoftmax(3, 3, Array.from({ length: 9 }, (_, j) => [j % 2, 1 - (j % 2)]), [0, 0]);
    const data = Float32Array.from({ length: 18 }, (_, k) => (k % 5) / 5);
    const attr = Float32Array.from({ length: 18 }, (_, k) => (k === 3 ? NaN : Math.sin(k)));
    const input = attributionInput(data, [3, 3, 1], [0, 1], attr, 'probability');
    const before = tf.memory().numTensors;
    const a = (road.evaluate(metricContext(model, imageTask(3, 3, 2)), input, P) as MetricEvaluation).values as MetricValue[];
    const b = (road.evaluate(metricContext(model, imageTask(3, 3, 2)), input, P) as MetricEvaluation).values as MetricValue[];
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toEqual(b);
    expect(a[0]).toEqual({ null: 'attribution has non-finite values' });
    expect(typeof a[1]).toBe('number');
    model.dispose();
  });
});
