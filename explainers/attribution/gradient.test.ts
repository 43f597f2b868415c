import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { contextFor, imageTask, linearImageModel, patternWeights, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { gradientExplainer } from './gradient.js';
import { gradientXInputExplainer } from './gradient-x-input.js';

beforeAll(async () => {
  await useBackend('wasm');
});

// logit_t = sum_i W[i][t] x_i + b_t, so d logit_t / dx = column t of W (the class's weight row).
const W = [[1, -2, 0.5], [0.25, 3, -1], [-1.5, 0, 2], [2, 1, 1]];
const col = (t: number) => W.map((row) => row[t]);

describe('gradient', () => {
  it('of a linear model is the weight row of the target class, for every sample', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const ctx = contextFor(model, tabularTask({ features: 4, classes: ['a', 'b', 'c'] }));
    const x = makeBatch(Float32Array.from([1, 2, 3, 4, -1, 0, 0.5, 2]), [4]);
    const a = await runExplainer(gradientExplainer, ctx, x, Int32Array.from([1, 2]));
    expect(Array.from(a.attributions)).toEqual([...col(1), ...col(2)]);
    const abs = await runExplainer(gradientExplainer, ctx, x, Int32Array.from([1, 2]), { absolute: true });
    expect(Array.from(abs.attributions)).toEqual([...col(1), ...col(2)].map(Math.abs));
  });

  it('of a linear image model is the weight row reshaped like the image', async () => {
    const w = Array.from({ length: 36 }, (_, i) => patternWeights(2, i));
    const model = await linearImageModel(6, 6, 2, w, [0, 0]);
    const ctx = contextFor(model, imageTask({ height: 6, width: 6, classes: ['a', 'b'] }));
    const x = makeBatch(Float32Array.from({ length: 36 }, (_, i) => i / 36), [6, 6, 1]);
    const a = await runExplainer(gradientExplainer, ctx, x, Int32Array.from([1]));
    a.attributions.forEach((v, i) => expect(v).toBeCloseTo(w[i][1], 6));
  });
});

describe('gradient x input', () => {
  it('of a linear model is w * x', async () => {
    const model = await linearSoftmax(W, [0.1, 0, -0.1]);
    const ctx = contextFor(model, tabularTask({ features: 4, classes: ['a', 'b', 'c'] }));
    const xs = [1, 2, 3, 4, -1, 0, 0.5, 2];
    const a = await runExplainer(gradientXInputExplainer, ctx, makeBatch(Float32Array.from(xs), [4]), Int32Array.from([0, 1]));
    const want = [...col(0), ...col(1)].map((w, k) => w * xs[k]);
    a.attributions.forEach((v, k) => expect(v).toBeCloseTo(want[k], 6));
  });
});
