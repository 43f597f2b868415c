import { describe, expect, it } from 'vitest';
import { leastSquares, matrix } from '../../../numeric/linalg.js';
import { rngFor } from '../../../core/rng.js';
import { weightedMoments } from './weighted-moments.js';
import { predictLinear, weightedR2, weightedRidge } from './weighted-ridge.js';

/** The straightforward formula: least squares on [sqrt(W) Xc; sqrt(alpha) I] beta ~ [sqrt(W) yc; 0], by QR. */
function slowRidge(
  x: { rows: number; cols: number; data: Float64Array },
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  alpha: number,
  cols: number[],
) {
  const n = x.rows;
  const p = cols.length;
  const sw = Array.from(w).reduce((a, b) => a + b, 0);
  const ybar = Array.from(w).reduce((s, wi, i) => s + wi * y[i], 0) / sw;
  const xbar = cols.map((c) => Array.from(w).reduce((s, wi, i) => s + wi * x.data[i * x.cols + c], 0) / sw);
  const a = matrix(n + p, p);
  const b = new Float64Array(n + p);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(w[i]);
    cols.forEach((c, j) => (a.data[i * p + j] = s * (x.data[i * x.cols + c] - xbar[j])));
    b[i] = s * (y[i] - ybar);
  }
  for (let j = 0; j < p; j++) a.data[(n + j) * p + j] = Math.sqrt(alpha);
  const beta = leastSquares(a, b).beta;
  return { coef: beta, intercept: ybar - xbar.reduce((s, v, j) => s + v * beta[j], 0) };
}

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

  it('fits from shared one-pass moments (0/1 and dense designs) equal the straightforward formula', () => {
    const rng = rngFor(3, 'moments');
    for (const binary of [true, false]) {
      const n = 300;
      const p = 7;
      const x = matrix(n, p, Array.from({ length: n * p }, () => (binary ? (rng.next() < 0.35 ? 1 : 0) : rng.normal())));
      const y = Float32Array.from({ length: n }, (_, i) => 0.2 + 0.5 * x.data[i * p] - 0.3 * x.data[i * p + 4] + 0.1 * rng.normal());
      const w = Float64Array.from({ length: n }, () => rng.uniform(0, 1));
      w[5] = 0;
      const m = weightedMoments(x, y, w);
      for (const [alpha, cols] of [[1, [0, 1, 2, 3, 4, 5, 6]], [0.01, [4, 0, 6]], [0, [2]], [0, [6, 3, 1, 0]]] as [number, number[]][]) {
        const fast = weightedRidge(x, y, w, alpha, cols, m);
        const slow = slowRidge(x, y, w, alpha, cols);
        const scale = Math.max(...Array.from(slow.coef, Math.abs), Math.abs(slow.intercept));
        cols.forEach((_, j) => expect(Math.abs(fast.coef[j] - slow.coef[j]) / scale).toBeLessThan(1e-10));
        expect(Math.abs(fast.intercept - slow.intercept) / scale).toBeLessThan(1e-10);
      }
    }
  });

  it('refuses moments of another design matrix', () => {
    const x = matrix(3, 1, [0, 1, 1]);
    const m = weightedMoments(matrix(3, 1, [0, 1, 1]), [1, 2, 3], [1, 1, 1]);
    expect(() => weightedRidge(x, [1, 2, 3], [1, 1, 1], 1, undefined, m)).toThrow(/another design matrix/);
  });
});
