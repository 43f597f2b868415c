import { describe, expect, it } from 'vitest';
import { matrix } from '../linalg.js';
import { rngFor } from '../../harness/rng.js';
import { predictLinear, weightedR2, weightedRidge } from './weighted-ridge.js';

describe('weighted ridge with intercept', () => {
  it('solves the centred normal equations (checked by their residual) and leaves the intercept unpenalised', () => {
    const rng = rngFor(2, 'ridge');
    const n = 40;
    const p = 3;
    const x = matrix(n, p, Array.from({ length: n * p }, () => rng.normal()));
    const y = Array.from({ length: n }, (_, i) => 3 + x.data[i * p] - 2 * x.data[i * p + 2] + 0.1 * rng.normal());
    const w = Array.from({ length: n }, () => rng.uniform(0.1, 2));
    for (const alpha of [0, 1, 25]) {
      const fit = weightedRidge(x, y, w, alpha);
      const sw = w.reduce((a, b) => a + b, 0);
      const xbar = [0, 1, 2].map((j) => w.reduce((s, wi, i) => s + wi * x.data[i * p + j], 0) / sw);
      const ybar = w.reduce((s, wi, i) => s + wi * y[i], 0) / sw;
      // Gradient of sum w (yc - Xc b)^2 + alpha |b|^2 vanishes: Xc' W (yc - Xc b) = alpha b.
      for (let j = 0; j < p; j++) {
        let g = 0;
        for (let i = 0; i < n; i++) {
          let pred = 0;
          for (let k = 0; k < p; k++) pred += (x.data[i * p + k] - xbar[k]) * fit.coef[k];
          g += w[i] * (x.data[i * p + j] - xbar[j]) * (y[i] - ybar - pred);
        }
        expect(g).toBeCloseTo(alpha * fit.coef[j], 8);
      }
      expect(fit.intercept).toBeCloseTo(ybar - xbar.reduce((s, v, j) => s + v * fit.coef[j], 0), 10);
    }
  });

  it('falls back to least squares when alpha 0 meets dependent columns, and scores R^2 as sklearn', () => {
    const x = matrix(4, 2, [1, 1, 0, 0, 1, 1, 0, 0]);
    const y = [2, 0, 2.2, 0.2];
    const w = [1, 1, 1, 1];
    const fit = weightedRidge(x, y, w, 0);
    expect(fit.coef[0] + fit.coef[1]).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(0.1, 10);
    expect(weightedR2(y, predictLinear(fit, x), w)).toBeCloseTo(1 - 0.04 / 4.04, 10);
    // A constant target: R^2 is 1 when fitted exactly (sklearn's convention), 0 otherwise.
    expect(weightedR2([1, 1], [1, 1], [1, 1])).toBe(1);
    expect(weightedR2([1, 1], [1, 2], [1, 1])).toBe(0);
  });
});
