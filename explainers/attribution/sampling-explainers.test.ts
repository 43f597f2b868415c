/**
 * Known answers of the sampling explainers: deep-shap, gradient-shap, vargrad, feature-permutation and
 * shapley-sampling, on hand-weighted models where the expectation they estimate is exact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { contextFor, imageTask, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { imageLinearSoftmax, linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { deepShapExplainer } from './deep-shap.js';
import { deepliftExplainer } from './deeplift.js';
import { featurePermutationExplainer } from './feature-permutation.js';
import { gradientShapExplainer } from './gradient-shap.js';
import { shapleySamplingExplainer } from './shapley-sampling.js';
import { vargradExplainer } from './vargrad.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const W = [[1, -2], [0.5, 3], [-1, 0]];
const B = [0.3, -0.2];
const mlp = () =>
  reluMlp(
    [[1, -1, 0.5, 2], [-0.5, 1, 1, -1], [0.8, 0.3, -1.2, 0.4]],
    [-0.3, 0.2, 0.1, -0.5],
    [[1.5, -1], [-2, 0.7], [0.9, 1.1], [-0.4, 2]],
    [0.2, -0.1],
  );
const sum = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let k = from; k < to; k++) s += a[k];
  return s;
};
const bg = (rows: number[][]) => makeBatch(Float32Array.from(rows.flat()), [rows[0].length]);

describe('deep-shap', () => {
  it('sums to f(x) - mean f(background) and equals deeplift against a one-row background', async () => {
    const model = await mlp();
    const rows = [[0.1, -0.2, 0.3], [1, 1, -1], [-0.5, 0.4, 0.2]];
    const x = makeBatch(Float32Array.from([1.2, -0.7, 0.9, -0.4, 1.5, 0.6]), [3]);
    const t = Int32Array.from([0, 1]);
    const ctx = contextFor(model, tabularTask({ features: 3, background: bg(rows) }));
    const a = await runExplainer(deepShapExplainer, ctx, x, t, { backgroundRows: 3 });
    const f = ctx.engine.targetOutputs(x, t, 'logit');
    for (const i of [0, 1]) {
      const fb = ctx.engine.targetOutputs(bg(rows), t[i], 'logit');
      expect(a.reference![i]).toBeCloseTo((fb[0] + fb[1] + fb[2]) / 3, 5);
      expect(sum(a.attributions, 3 * i, 3 * i + 3)).toBeCloseTo(f[i] - a.reference![i], 5);
    }
    const one = contextFor(model, tabularTask({ features: 3, background: bg([rows[1]]), baseline: rows[1] }));
    const ds = await runExplainer(deepShapExplainer, one, x, t);
    const dl = await runExplainer(deepliftExplainer, one, x, t);
    ds.attributions.forEach((v, k) => expect(v).toBeCloseTo(dl.attributions[k], 6));
  });
});

describe('gradient-shap', () => {
  it('of a linear model is w * (x - b) averaged over the drawn rows; one row makes it exact', async () => {
    const model = await linearSoftmax(W, B);
    const ctx = contextFor(model, tabularTask({ features: 3, background: bg([[0.5, -1, 2]]) }));
    const a = await runExplainer(gradientShapExplainer, ctx, makeBatch(Float32Array.from([1, 5, -3]), [3]), Int32Array.from([1]));
    [-2 * 0.5, 3 * 6, 0].forEach((w, k) => expect(a.attributions[k]).toBeCloseTo(w, 5));
  });

  it('does not depend on which inputs share a call', async () => {
    const ctx = contextFor(await mlp(), tabularTask({ features: 3, background: bg([[0, 0, 0], [1, -1, 1], [2, 0, -1]]) }));
    const x = makeBatch(Float32Array.from([1.2, -0.7, 0.9, -0.4, 1.5, 0.6]), [3]);
    const both = await runExplainer(gradientShapExplainer, ctx, x, Int32Array.from([0, 1]), { samples: 7, stdev: 0.1 }, ['a', 'b']);
    const second = await runExplainer(gradientShapExplainer, ctx, makeBatch(x.data.slice(3), [3]), Int32Array.from([1]), { samples: 7, stdev: 0.1 }, ['b']);
    expect(Array.from(both.attributions.slice(3))).toEqual(Array.from(second.attributions));
  });
});

describe('vargrad', () => {
  it('is 0 where the gradient does not move (a linear model) and p(1 - p) w^2 where a ReLU flips', async () => {
    const lin = contextFor(await linearSoftmax(W, B), tabularTask({ features: 3 }));
    const x = makeBatch(Float32Array.from([1, 5, -3]), [3]);
    const a = await runExplainer(vargradExplainer, lin, x, Int32Array.from([1]), { samples: 16 });
    a.attributions.forEach((v) => expect(v).toBeCloseTo(0, 6));
    // One ReLU unit relu(x1) feeding class 1 with weight 2: the gradient of x1 is 2 or 0, so the variance
    // is 4 p (1 - p) with p the share of noisy copies with x1 > 0; at x1 = 0 with symmetric noise, about 1.
    const relu = contextFor(await reluMlp([[1], [0]], [0], [[0, 2]], [0, 0]), tabularTask({ features: 2 }));
    const at0 = makeBatch(Float32Array.from([0, 1]), [2]);
    const r = await runExplainer(vargradExplainer, relu, at0, Int32Array.from([1]), { samples: 4000, noise: 0.5 });
    expect(r.attributions[0]).toBeGreaterThan(0.9);
    expect(r.attributions[0]).toBeLessThanOrEqual(1);
    expect(r.attributions[1]).toBe(0);
  });
});

describe('feature-permutation', () => {
  it('of a linear model is w_j (x_j - r_j) averaged over the drawn rows, whatever shares the call', async () => {
    const rows = [[0.5, -1, 2], [0, 0, 0]];
    const ctx = contextFor(await linearSoftmax(W, B), tabularTask({ features: 3, background: bg(rows) }));
    const x = makeBatch(Float32Array.from([1, 5, -3, 2, 2, 2]), [3]);
    const a = await runExplainer(featurePermutationExplainer, ctx, x, Int32Array.from([1, 0]), { samples: 1000 }, ['a', 'b']);
    // Rows are drawn uniformly: the mean of r_j is close to the column mean, and each draw's term is exact.
    const w1 = [-2, 3, 0];
    w1.forEach((w, j) => expect(a.attributions[j]).toBeCloseTo(w * (x.data[j] - (rows[0][j] + rows[1][j]) / 2), 0));
    const one = contextFor(await linearSoftmax(W, B), tabularTask({ features: 3, background: bg([rows[0]]) }));
    const exact = await runExplainer(featurePermutationExplainer, one, x, Int32Array.from([1, 0]), {}, ['a', 'b']);
    w1.forEach((w, j) => expect(exact.attributions[j]).toBeCloseTo(w * (x.data[j] - rows[0][j]), 5));
    const alone = await runExplainer(featurePermutationExplainer, ctx, makeBatch(x.data.slice(3), [3]), Int32Array.from([0]), { samples: 1000 }, ['b']);
    expect(Array.from(alone.attributions)).toEqual(Array.from(a.attributions.slice(3)));
  });
});

describe('shapley-sampling', () => {
  it('of a linear model is exactly w * (x - baseline) for any number of orderings', async () => {
    const ctx = contextFor(await linearSoftmax(W, B), tabularTask({ features: 3, baseline: [0.5, -1, 2] }));
    const x = makeBatch(Float32Array.from([1, 5, -3]), [3]);
    const a = await runExplainer(shapleySamplingExplainer, ctx, x, Int32Array.from([1]), { samples: 3 });
    [-2 * 0.5, 3 * 6, 0].forEach((w, k) => expect(a.attributions[k]).toBeCloseTo(w, 5));
  });

  it('sums exactly to f(x) - f(baseline) on a ReLU MLP, and gives a dummy feature 0', async () => {
    const model = await reluMlp([[1, -1], [0, 0], [0.8, 0.3]], [-0.3, 0.2], [[1.5, -1], [-2, 0.7]], [0.2, -0.1]);
    const ctx = contextFor(model, tabularTask({ features: 3, baseline: [0.1, -0.2, 0.3] }));
    const x = makeBatch(Float32Array.from([1.2, -0.7, 0.9]), [3]);
    const a = await runExplainer(shapleySamplingExplainer, ctx, x, Int32Array.from([0]), { samples: 5 });
    const f = ctx.engine.targetOutputs(x, [0], 'logit');
    expect(sum(a.attributions, 0, 3)).toBeCloseTo(f[0] - a.reference![0], 5);
    expect(a.attributions[1]).toBe(0);
  });

  it('on images plays grid cells and spreads a cell value evenly over its pixels', async () => {
    const w = Array.from({ length: 16 }, (_, k) => [0, k % 3 === 0 ? 1 : -0.5]);
    const ctx = contextFor(await imageLinearSoftmax(4, 4, w, [0, 0]), imageTask({ height: 4, width: 4, classes: ['a', 'b'] }));
    const x = Float32Array.from({ length: 16 }, (_, k) => k / 16);
    const a = await runExplainer(shapleySamplingExplainer, ctx, makeBatch(x, [4, 4, 1]), Int32Array.from([1]), { samples: 2, cell: 2 });
    for (const [r0, c0] of [[0, 0], [0, 2], [2, 0], [2, 2]]) {
      const cell = [0, 1].flatMap((dr) => [0, 1].map((dc) => (r0 + dr) * 4 + c0 + dc));
      const value = cell.reduce((s, k) => s + w[k][1] * x[k], 0);
      for (const k of cell) expect(a.attributions[k]).toBeCloseTo(value / 4, 5);
    }
  });
});
