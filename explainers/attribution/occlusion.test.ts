import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { contextFor, imageTask, linearImageModel, patternWeights, runExplainer, tabularTask, tinyConvNet } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { windowStarts } from './feature-groups.js';
import { occlusionExplainer as occlusion, resolveWindow } from './occlusion.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('occlusion', () => {
  it("covers every position as Captum does: ceil((size - window) / stride) + 1 starts, the last cropped at the edge", () => {
    expect(windowStarts(6, 4, 2)).toEqual([0, 2]);
    expect(windowStarts(7, 4, 2)).toEqual([0, 2, 4]); // window 4..7 cropped to 4..6
    expect(windowStarts(4, 4, 2)).toEqual([0]);
    expect(windowStarts(5, 1, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(windowStarts(28, 4, 2)).toEqual(Array.from({ length: 13 }, (_, k) => 2 * k)); // the zoo default tiles exactly
  });

  it('scales the automatic window with the image (4 on 28x28) and caps it by the image', () => {
    expect(resolveWindow(28, 28, 0, 0)).toEqual({ window: 4, stride: 2 });
    expect(resolveWindow(8, 8, 0, 0)).toEqual({ window: 1, stride: 1 });
    expect(resolveWindow(14, 20, 0, 0)).toEqual({ window: 2, stride: 1 });
    expect(resolveWindow(6, 6, 50, 50)).toEqual({ window: 6, stride: 6 });
    expect(resolveWindow(28, 28, 5, 0)).toEqual({ window: 5, stride: 2 });
  });

  it('of a linear tabular model recovers w * (x - baseline)', async () => {
    const model = await linearSoftmax([[1, -2], [0.5, 3], [-1, 0.25]], [0.3, -0.2]);
    const ctx = contextFor(model, tabularTask({ features: 3, baseline: [0.5, -1, 2] }));
    const xs = [1, 5, -3, 0, 0, 0];
    const a = await runExplainer(occlusion, ctx, makeBatch(Float32Array.from(xs), [3]), Int32Array.from([1, 0]));
    const want = [-2 * 0.5, 3 * 6, 0.25 * -5, 1 * -0.5, 0.5 * 1, -1 * -2];
    a.attributions.forEach((v, k) => expect(v).toBeCloseTo(want[k], 5));
    const zero = await runExplainer(
      occlusion,
      ctx,
      makeBatch(Float32Array.from(xs.slice(0, 3)), [3]),
      Int32Array.from([1]),
      { baseline: 'zero' },
    );
    [-2 * 1, 3 * 5, 0.25 * -3].forEach((w, k) => expect(zero.attributions[k]).toBeCloseTo(w, 5));
  });

  it('of a linear image model with a 1-pixel window recovers w * (x - baseline)', async () => {
    const w = Array.from({ length: 36 }, (_, i) => patternWeights(2, i));
    const model = await linearImageModel(6, 6, 2, w, [0, 0]);
    const baseline = Float32Array.from({ length: 36 }, (_, i) => (i % 3) * 0.1);
    const ctx = contextFor(model, imageTask({ height: 6, width: 6, classes: ['a', 'b'], baseline }));
    const xs = Float32Array.from({ length: 36 }, (_, i) => ((i * 5) % 7) / 7);
    const a = await runExplainer(occlusion, ctx, makeBatch(xs, [6, 6, 1]), Int32Array.from([0]), { window: 1, stride: 1 });
    a.attributions.forEach((v, k) => expect(v).toBeCloseTo(w[k][0] * (xs[k] - baseline[k]), 5));
  });

  it('averages each pixel over the windows covering it (checked window by window on a conv net)', async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const xs = Float32Array.from({ length: 36 }, (_, i) => ((i * 7) % 11) / 10);
    const x = makeBatch(xs, [6, 6, 1]);
    const a = await runExplainer(occlusion, ctx, x, Int32Array.from([2]), { window: 3, stride: 2 });
    // Slow reference: one engine call per window, windows at rows/cols 0, 2, 4 (4 = cropped to rows/cols 4..5).
    const fx = ctx.engine.targetOutputs(x, 2, 'logit')[0];
    const sum = new Float64Array(36);
    const count = new Float64Array(36);
    for (const r0 of [0, 2, 4]) {
      for (const c0 of [0, 2, 4]) {
        const occ = Float32Array.from(xs);
        const [r1, c1] = [Math.min(r0 + 3, 6), Math.min(c0 + 3, 6)];
        for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) occ[r * 6 + c] = 0;
        const drop = fx - ctx.engine.targetOutputs(makeBatch(occ, [6, 6, 1]), 2, 'logit')[0];
        for (let r = r0; r < r1; r++) {
          for (let c = c0; c < c1; c++) {
            sum[r * 6 + c] += drop;
            count[r * 6 + c]++;
          }
        }
      }
    }
    a.attributions.forEach((v, k) => expect(v).toBeCloseTo(sum[k] / count[k], 5));
    // Window and stride larger than the image are capped: a single whole-image window.
    const whole = await runExplainer(occlusion, ctx, x, Int32Array.from([2]), { window: 50, stride: 50 });
    const blank = ctx.engine.targetOutputs(makeBatch(new Float32Array(36), [6, 6, 1]), 2, 'logit')[0];
    whole.attributions.forEach((v) => expect(v).toBeCloseTo(fx - blank, 5));
  });
});
