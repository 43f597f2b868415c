/**
 * The project's one dense Cholesky solver: the weighted least-squares fits of LIME and KernelSHAP
 * (shap solves its normal equations the same way, falling back to lstsq), ESZSL's two regularised
 * solves, and the triangular solves ROAD's Gaussian imputation runs with its own factors. Plain loops
 * over typed arrays: the systems are tiny and solved once per explanation, so no library call pays for
 * its overhead. (banded-cholesky.ts is the band-storage variant for ROAD's large sparse systems.)
 */
import { type Matrix, matrix } from './linalg.js';

/**
 * Factors symmetric G = L L' in place: G is given by its lower triangle (row-major p x p) and L
 * overwrites it (the upper triangle is neither read nor written). False when G is not clearly positive
 * definite: a pivot <= minPivot times the largest diagonal entry (minPivot = 0: any pivot <= 0).
 */
export function choleskyFactor(g: Float64Array, p: number, minPivot = 1e-10): boolean {
  let maxDiag = 0;
  for (let j = 0; j < p; j++) maxDiag = Math.max(maxDiag, g[j * p + j]);
  if (!(maxDiag > 0)) return false;
  for (let j = 0; j < p; j++) {
    let d = g[j * p + j];
    for (let k = 0; k < j; k++) d -= g[j * p + k] * g[j * p + k];
    if (!(d > minPivot * maxDiag)) return false;
    const ljj = Math.sqrt(d);
    g[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = g[i * p + j];
      for (let k = 0; k < j; k++) s -= g[i * p + k] * g[j * p + k];
      g[i * p + j] = s / ljj;
    }
  }
  return true;
}

/**
 * Solves G x = b for symmetric G given by its lower triangle (row-major p x p, overwritten), in place in
 * b; undefined when G is not clearly positive definite (a pivot <= 1e-10 of the largest diagonal).
 */
export function choleskySolve(g: Float64Array, b: Float64Array, p: number): Float64Array | undefined {
  return choleskyFactor(g, p) ? choleskySubstitute(g, b, p) : undefined;
}

/**
 * Solves L L' x = b in place in b, for L lower triangular (p x p, row-major with `stride` values a row,
 * only the lower triangle read): the two triangular solves after a Cholesky factorisation. ROAD's
 * Gaussian imputation uses it with its own factors, and LARS with its growing factor (stride > p).
 */
export function choleskySubstitute(l: Float64Array, b: Float64Array, p: number, stride = p): Float64Array {
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * stride + k] * b[k];
    b[i] = s / l[i * stride + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= l[k * stride + i] * b[k];
    b[i] = s / l[i * stride + i];
  }
  return b;
}

/**
 * Solves A X = B for symmetric positive definite A (A's lower triangle is read), column by column;
 * throws when a pivot is not positive.
 */
export function solveSpd(a: Matrix, b: Matrix): Matrix {
  const n = a.rows;
  if (a.cols !== n || b.rows !== n) throw new RangeError(`solveSpd: A ${a.rows}x${a.cols}, B ${b.rows}x${b.cols}`);
  const l = Float64Array.from(a.data);
  if (!choleskyFactor(l, n, 0)) throw new Error('solveSpd: matrix is not positive definite');
  const x = matrix(n, b.cols, b.data);
  const column = new Float64Array(n);
  for (let c = 0; c < b.cols; c++) {
    for (let i = 0; i < n; i++) column[i] = x.data[i * b.cols + c];
    choleskySubstitute(l, column, n);
    for (let i = 0; i < n; i++) x.data[i * b.cols + c] = column[i];
  }
  return x;
}
