import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { contextFor, imageTask, runExplainer, tabularTask, tanhMlp, tinyConvNet } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { integratedGradientsExplainer as ig } from './integrated-gradients.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const delta = (r: { extras?: readonly Record<string, unknown>[] }, i = 0) => Math.abs(r.extras![i].completenessDelta as number);

describe('integrated gradients', () => {
  it('of a linear model is w * (x - baseline) for any rule and step count, with reference f(baseline)', async () => {
    const model = await linearSoftmax([[1, -2], [0.5, 3], [-1, 0]], [0.3, -0.2]);
    const task = tabularTask({ features: 3, baseline: [0.5, -1, 2] });
    const ctx = contextFor(model, task);
    const xs = [1, 5, -3];
    for (const [method, steps] of [['riemann', 1], ['gauss-legendre', 3]] as const) {
      const a = await runExplainer(ig, ctx, makeBatch(Float32Array.from(xs), [3]), Int32Array.from([1]), { method, steps });
      const want = [-2 * (1 - 0.5), 3 * (5 + 1), 0];
      a.attributions.forEach((v, k) => expect(v).toBeCloseTo(want[k], 5));
      expect(a.reference![0]).toBeCloseTo(-2 * 0.5 + 3 * -1 + 0 - 0.2, 5);
    }
    const zero = await runExplainer(ig, ctx, makeBatch(Float32Array.from(xs), [3]), Int32Array.from([0]), { baseline: 'zero', steps: 2 });
    [1 * 1, 0.5 * 5, -1 * -3].forEach((w, k) => expect(zero.attributions[k]).toBeCloseTo(w, 5));
    expect(zero.reference![0]).toBeCloseTo(0.3, 6);
  });

  it('satisfies completeness on a small ReLU net, the error shrinking with steps', async () => {
    // Hidden units switch on and off along the path from the zero baseline to x.
    const model = await reluMlp(
      [[1, -1, 0.5, 2], [-0.5, 1, 1, -1], [0.8, 0.3, -1.2, 0.4]],
      [-0.3, 0.2, 0.1, -0.5],
      [[1.5, -1], [-2, 0.7], [0.9, 1.1], [-0.4, 2]],
      [0.2, -0.1],
    );
    const ctx = contextFor(model, tabularTask({ features: 3 }));
    const x = makeBatch(Float32Array.from([1.2, -0.7, 0.9, -0.4, 1.5, 0.6]), [3]);
    const errs: number[] = [];
    for (const steps of [4, 32, 512]) {
      const a = await runExplainer(ig, ctx, x, Int32Array.from([0, 1]), { method: 'riemann', steps });
      errs.push(Math.max(delta(a, 0), delta(a, 1)));
    }
    expect(errs[0]).toBeGreaterThan(1e-3);
    expect(errs[1]).toBeLessThan(errs[0]);
    expect(errs[2]).toBeLessThan(errs[1]);
    // Midpoint-rule error on a kinked path is O(1 / steps): about 1/16 of the way from 32 to 512 steps.
    expect(errs[2]).toBeLessThan(errs[1] / 4);
    expect(errs[2]).toBeLessThan(1e-3);
  });

  it('satisfies completeness on a tiny ReLU conv net', async () => {
    const ctx = contextFor(await tinyConvNet(), imageTask({ height: 6, width: 6 }));
    const x = makeBatch(Float32Array.from({ length: 36 }, (_, i) => ((i * 7) % 11) / 10), [6, 6, 1]);
    const coarse = await runExplainer(ig, ctx, x, Int32Array.from([1]), { method: 'riemann', steps: 3 });
    const fine = await runExplainer(ig, ctx, x, Int32Array.from([1]), { method: 'riemann', steps: 1000 });
    expect(delta(fine)).toBeLessThan(delta(coarse) + 1e-6);
    expect(delta(fine)).toBeLessThan(1e-3);
    const sum = fine.attributions.reduce((s, v) => s + v, 0);
    const fx = ctx.engine.targetOutputs(x, 1, 'logit')[0];
    expect(Math.abs(sum - (fx - fine.reference![0]))).toBeLessThan(1e-3);
  });

  it('Gauss-Legendre beats the midpoint rule at equal steps on a smooth model', async () => {
    const model = await tanhMlp([[0.8, -0.6, 0.4], [-0.4, 1, 0.2]], [0.2, -0.3, 0.1], [[2, -1], [-1.5, 2], [1, 1]], [0, 0]);
    const ctx = contextFor(model, tabularTask({ features: 2, baseline: [-1, 1] }));
    const x = makeBatch(Float32Array.from([1.5, -1.2]), [2]);
    for (const steps of [8, 16]) {
      const gl = await runExplainer(ig, ctx, x, Int32Array.from([0]), { method: 'gauss-legendre', steps });
      const rm = await runExplainer(ig, ctx, x, Int32Array.from([0]), { method: 'riemann', steps });
      expect(delta(gl)).toBeLessThan(delta(rm) / 10);
    }
  });
});
