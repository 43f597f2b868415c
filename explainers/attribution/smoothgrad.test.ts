import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { contextFor, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import { gradientExplainer } from './gradient.js';
import { smoothgradExplainer } from './smoothgrad.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('smoothgrad', () => {
  it('of a linear model is exactly the weight row, whatever the noise', async () => {
    const model = await linearSoftmax([[1, -2], [0.5, 3], [-1, 0]], [0, 0]);
    const ctx = contextFor(model, tabularTask({ features: 3 }));
    const x = makeBatch(Float32Array.from([1, 5, -3]), [3]);
    for (const noise of [0.15, 1]) {
      const a = await runExplainer(smoothgradExplainer, ctx, x, Int32Array.from([1]), { samples: 20, noise });
      expect(Array.from(a.attributions)).toEqual([-2, 3, 0]);
    }
  });

  it('with zero noise is the plain gradient, and with noise averages gradients across ReLU kinks', async () => {
    // One hidden ReLU unit h = relu(x0 - x1): its gradient switches on and off around x0 = x1.
    const model = await reluMlp([[1], [-1]], [0], [[1, -1]], [0, 0]);
    const ctx = contextFor(model, tabularTask({ features: 2 }));
    const x = makeBatch(Float32Array.from([0.05, 0]), [2]);
    const plain = await runExplainer(gradientExplainer, ctx, x, Int32Array.from([0]));
    const zero = await runExplainer(smoothgradExplainer, ctx, x, Int32Array.from([0]), { samples: 5, noise: 0 });
    expect(Array.from(zero.attributions)).toEqual(Array.from(plain.attributions));
    const smooth = await runExplainer(smoothgradExplainer, ctx, x, Int32Array.from([0]), { samples: 400, noise: 2 });
    // The gradient is (1, -1) where x0 > x1 and (0, 0) elsewhere, so the mean is p * (1, -1) with 0 < p < 1.
    expect(smooth.attributions[0]).toBeGreaterThan(0.2);
    expect(smooth.attributions[0]).toBeLessThan(0.8);
    expect(smooth.attributions[1]).toBeCloseTo(-smooth.attributions[0], 6);
  });
});
