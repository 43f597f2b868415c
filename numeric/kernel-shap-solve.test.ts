import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { kernelShapSolve } from './kernel-shap-solve.js';
import { constrainedWeightedLeastSquares, matrix } from './linalg.js';
import { shapleyCoalitions } from '../explainers/attribution/shapley-coalitions.js';

describe('kernelShapSolve', () => {
  it('equals constrained weighted least squares by QR (the straightforward formula) on random coalitions', () => {
    const rng = rngFor(7, 'ks-solve');
    for (const [m, budget] of [[2, 10], [5, 30], [12, 200], [30, 400]]) {
      const c = shapleyCoalitions(m, budget, rng);
      const y = Float64Array.from({ length: c.count }, () => rng.normal());
      const total = rng.normal();
      const fast = kernelShapSolve(c.masks, c.count, m, y, c.weights, total);
      const slow = constrainedWeightedLeastSquares(matrix(c.count, m, c.masks), y, c.weights, total).beta;
      const scale = Math.max(...Array.from(slow, Math.abs));
      for (let j = 0; j < m; j++) expect(Math.abs(fast[j] - slow[j]) / scale).toBeLessThan(1e-9);
      expect(fast.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 12);
    }
  });

  it('falls back to least squares when the coalitions do not determine the values', () => {
    // Players 0 and 1 always appear together: the normal equations are singular.
    const masks = Uint8Array.from([1, 1, 0, 0, 0, 1, 1, 1, 0]);
    const y = [0.4, 0.3, 0.7];
    const w = [1, 2, 1];
    const fast = kernelShapSolve(masks, 3, 3, y, w, 1);
    const slow = constrainedWeightedLeastSquares(matrix(3, 3, masks), y, w, 1).beta;
    Array.from(fast).forEach((v, j) => expect(v).toBeCloseTo(slow[j], 12));
  });

  it('rejects negative weights and mismatched sizes', () => {
    expect(() => kernelShapSolve(Uint8Array.from([1, 0, 0, 1]), 2, 2, [1, 2], [1, -1], 0)).toThrow(/non-negative/);
    expect(() => kernelShapSolve(Uint8Array.from([1, 0, 0]), 2, 2, [1, 2], [1, 1], 0)).toThrow(/mask values/);
  });
});
