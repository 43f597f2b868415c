import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { constrainedWeightedLeastSquares, leastSquares, matrix, weightedLeastSquares } from './linalg.js';

/** Gaussian elimination with partial pivoting on a square system: the slow, obvious reference. */
function solveSquare(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i][k]) > Math.abs(m[p][k])) p = i;
    [m[k], m[p]] = [m[p], m[k]];
    for (let i = k + 1; i < n; i++) {
      const f = m[i][k] / m[k][k];
      for (let j = k; j <= n; j++) m[i][j] -= f * m[k][j];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = m[k][n];
    for (let j = k + 1; j < n; j++) s -= m[k][j] * x[j];
    x[k] = s / m[k][k];
  }
  return x;
}

function randomProblem(seed: number, rows: number, cols: number) {
  const rng = rngFor(seed, 'linalg-test');
  const a = Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
  const b = Array.from({ length: rows }, () => rng.normal());
  const w = Array.from({ length: rows }, () => rng.uniform(0.1, 3));
  return { a, b, w };
}

/** Normal equations A^T W A beta = A^T W b, solved directly. */
function weightedNormalEquations(a: number[][], b: number[], w: number[]): number[] {
  const p = a[0].length;
  const ata = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (_, j) => a.reduce((s, row, r) => s + w[r] * row[i] * row[j], 0)),
  );
  const atb = Array.from({ length: p }, (_, i) => a.reduce((s, row, r) => s + w[r] * row[i] * b[r], 0));
  return solveSquare(ata, atb);
}

describe('leastSquares', () => {
  it('recovers an exact solution', () => {
    const a = matrix(4, 3, [1, 2, 0, 0, 1, 1, 3, 0, 1, 1, 1, 1]);
    const truth = [0.5, -2, 3];
    const b = [0, 1, 2, 3].map((i) => truth.reduce((s, t, j) => s + t * a.data[i * 3 + j], 0));
    const { beta, rank } = leastSquares(a, b);
    expect(rank).toBe(3);
    truth.forEach((t, j) => expect(beta[j]).toBeCloseTo(t, 12));
  });

  it('matches the weighted normal equations on random overdetermined problems', () => {
    for (const seed of [1, 2, 3]) {
      const { a, b, w } = randomProblem(seed, 30, 6);
      const want = weightedNormalEquations(a, b, w);
      const got = weightedLeastSquares(matrix(30, 6, a.flat()), b, w).beta;
      want.forEach((v, j) => expect(got[j]).toBeCloseTo(v, 9));
    }
  });

  it('gives a residual-minimising basic solution when columns are dependent', () => {
    const { a, b } = randomProblem(4, 12, 3);
    // Column 3 duplicates column 0: the fit must equal the fit on the independent columns alone.
    const dup = a.map((row) => [...row, row[0]]);
    const sol = leastSquares(matrix(12, 4, dup.flat()), b);
    expect(sol.rank).toBe(3);
    const ref = leastSquares(matrix(12, 3, a.flat()), b).beta;
    const fitted = (rows: number[][], beta: ArrayLike<number>) => rows.map((row) => row.reduce((s, v, j) => s + v * beta[j], 0));
    const f1 = fitted(dup, sol.beta);
    const f2 = fitted(a, ref);
    f1.forEach((v, i) => expect(v).toBeCloseTo(f2[i], 9));
    expect(Array.from(sol.beta).every(Number.isFinite)).toBe(true);
  });

  it('rejects negative weights and mismatched sizes', () => {
    expect(() => weightedLeastSquares(matrix(2, 1, [1, 2]), [1, 2], [1, -1])).toThrow(/non-negative/);
    expect(() => leastSquares(matrix(2, 1, [1, 2]), [1])).toThrow(/rows/);
  });
});

describe('constrainedWeightedLeastSquares', () => {
  it('holds sum(beta) = total exactly and matches the Lagrange (KKT) solution', () => {
    for (const seed of [5, 6]) {
      const { a, b, w } = randomProblem(seed, 25, 5);
      const total = 1.7;
      const got = constrainedWeightedLeastSquares(matrix(25, 5, a.flat()), b, w, total).beta;
      expect(Array.from(got).reduce((s, v) => s + v, 0)).toBeCloseTo(total, 12);
      // KKT: [2 A^T W A, 1; 1^T, 0] [beta; lambda] = [2 A^T W b; total].
      const p = 5;
      const kkt = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
      const rhs = new Array<number>(p + 1).fill(0);
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) kkt[i][j] = 2 * a.reduce((s, row, r) => s + w[r] * row[i] * row[j], 0);
        kkt[i][p] = 1;
        kkt[p][i] = 1;
        rhs[i] = 2 * a.reduce((s, row, r) => s + w[r] * row[i] * b[r], 0);
      }
      rhs[p] = total;
      const want = solveSquare(kkt, rhs);
      for (let j = 0; j < p; j++) expect(got[j]).toBeCloseTo(want[j], 9);
    }
  });

  it('returns the total for a single column', () => {
    expect(Array.from(constrainedWeightedLeastSquares(matrix(3, 1, [1, 0, 1]), [1, 2, 3], [1, 1, 1], 4).beta)).toEqual([4]);
  });
});
