import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { bandedCholesky, bandedSolve } from './banded-cholesky.js';

/** A random symmetric, diagonally dominant (so positive definite) band matrix, dense. */
function randomBand(n: number, b: number, seed: number): number[][] {
  const rng = rngFor(seed, 'band');
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let u = 0; u < n; u++) {
    for (let v = Math.max(0, u - b); v < u; v++) {
      // Some entries zero, as where neighbours are kept pixels: the envelope varies by row.
      const x = rng.next() < 0.4 ? 0 : rng.uniform(-1, 1);
      a[u][v] = a[v][u] = x;
    }
  }
  for (let u = 0; u < n; u++) a[u][u] = 1 + a[u].reduce((s, x, v) => (v === u ? s : s + Math.abs(x)), 0);
  return a;
}

function factor(a: number[][], b: number) {
  return bandedCholesky(a.length, b, (u, visit) => a[u].forEach((x, v) => v < u && x !== 0 && visit(v, x)), a.map((row, u) => row[u]));
}

describe('banded Cholesky', () => {
  it('solves A x = rhs to rounding, for band widths 1 to n', () => {
    for (const [n, b] of [[1, 0], [5, 1], [12, 3], [40, 7], [30, 29]]) {
      const a = randomBand(n, b, n * 100 + b);
      const want = Array.from({ length: n }, (_, i) => Math.cos(i));
      const rhs = a.map((row) => row.reduce((s, x, v) => s + x * want[v], 0));
      const x = bandedSolve(factor(a, b), rhs);
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(want[i], 10);
    }
  });

  it('refuses a matrix that is not positive definite, and an entry outside the band', () => {
    const a = [[1, 2], [2, 1]];
    expect(() => factor(a, 1)).toThrow(/not positive definite/);
    expect(() => factor([[2, 0, 1], [0, 2, 0], [1, 0, 2]], 1)).toThrow(/outside the half-bandwidth 1/);
  });
});
