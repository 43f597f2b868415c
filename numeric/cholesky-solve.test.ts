import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { choleskyFactor, choleskySolve, choleskySubstitute, solveSpd } from './cholesky-solve.js';
import { addDiagonal, matmul, matrix, transpose } from './linalg.js';

/** A random symmetric positive definite n x n matrix: A A' + I. */
function spd(n: number, seed: string) {
  const rng = rngFor(1, seed);
  const a = matrix(n, n, Array.from({ length: n * n }, () => rng.normal()));
  return addDiagonal(matmul(a, transpose(a)), 1);
}

describe('the dense Cholesky solver', () => {
  it('solves G x = b, and solveSpd gives the same bits column by column', () => {
    const g = spd(5, 'g');
    const b = matrix(5, 2, Array.from({ length: 10 }, (_, i) => i - 4.5));
    const x = solveSpd(g, b);
    for (let c = 0; c < 2; c++) {
      const col = Float64Array.from({ length: 5 }, (_, i) => b.data[i * 2 + c]);
      const one = choleskySolve(Float64Array.from(g.data), col, 5)!;
      expect(Array.from({ length: 5 }, (_, i) => x.data[i * 2 + c])).toEqual(Array.from(one));
      const back = matmul(g, matrix(5, 1, one));
      back.data.forEach((v, i) => expect(v).toBeCloseTo(b.data[i * 2 + c], 10));
    }
  });

  it('refuses matrices that are not positive definite (solveSpd throws, choleskySolve gives undefined)', () => {
    const g = matrix(2, 2, [1, 2, 2, 1]);
    expect(choleskySolve(Float64Array.from(g.data), Float64Array.of(1, 1), 2)).toBeUndefined();
    expect(() => solveSpd(g, matrix(2, 1, [1, 1]))).toThrow(/not positive definite/);
  });

  it('substitutes with a factor stored in a wider array (a row stride above p)', () => {
    const g = spd(3, 'stride');
    const l = Float64Array.from(g.data);
    expect(choleskyFactor(l, 3)).toBe(true);
    const wide = new Float64Array(5 * 5);
    for (let i = 0; i < 3; i++) for (let j = 0; j <= i; j++) wide[i * 5 + j] = l[i * 3 + j];
    const b = Float64Array.of(1, -2, 0.5);
    const viaStride = choleskySubstitute(wide, Float64Array.from(b), 3, 5);
    expect(Array.from(viaStride)).toEqual(Array.from(choleskySubstitute(l, Float64Array.from(b), 3)));
  });
});
