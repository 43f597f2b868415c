/**
 * Weighted ridge regression with an unpenalised intercept, as sklearn's Ridge(alpha, fit_intercept=True)
 * fits with sample_weight (LIME's surrogate): centre X and y by their weighted means, solve
 * (Xc' W Xc + alpha I) beta = Xc' W yc, intercept = ybar - xbar . beta. Like sklearn's 'cholesky'
 * solver (its choice for dense data with weights) the normal equations are solved by Cholesky, which
 * is cheap for LIME's many rows and few features; where they are not positive definite (alpha 0 with
 * dependent columns) it falls back, as sklearn falls back to lstsq, to least squares by pivoted QR on
 * [sqrt(W) Xc; sqrt(alpha) I] (linalg.ts). The normal equations come from the problem's weighted
 * moments (weighted-moments.ts), which several fits on one neighbourhood share.
 */
import { type Matrix, leastSquares, matrix } from '../../../numeric/linalg.js';
import { type WeightedMoments, weightedMoments } from './weighted-moments.js';
import { choleskySolve } from '../../../numeric/cholesky-solve.js';

export interface LinearFit {
  /** One coefficient per column used, in the order of `columns`. */
  readonly coef: Float64Array;
  readonly intercept: number;
}

/**
 * Fits y ~ X[:, columns] (all columns when omitted) with weights w. Callers that fit several column
 * subsets of one problem pass its moments (weighted-moments.ts), computed once.
 */
export function weightedRidge(
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  alpha: number,
  columns?: readonly number[],
  moments: WeightedMoments = weightedMoments(x, y, w),
): LinearFit {
  const n = x.rows;
  if (y.length !== n || w.length !== n) throw new RangeError(`ridge: ${n} rows but ${y.length} targets and ${w.length} weights`);
  if (!(alpha >= 0)) throw new RangeError(`ridge: alpha must be >= 0, got ${alpha}`);
  if (moments.x !== x) throw new RangeError('ridge: the moments given are of another design matrix');
  if (!(moments.sw > 0)) throw new RangeError('ridge: the weights sum to zero');
  const cols = columns ?? Array.from({ length: x.cols }, (_, j) => j);
  const p = cols.length;
  const xbar = Float64Array.from(cols, (c) => moments.xbar[c]);
  const ybar = moments.ybar;
  if (p === 0) return { coef: new Float64Array(0), intercept: ybar };

  const beta = normalEquations(moments, alpha, cols) ?? qrSolve(moments.x, moments.y, moments.w, alpha, cols, xbar, ybar);
  let intercept = ybar;
  for (let j = 0; j < p; j++) intercept -= xbar[j] * beta[j];
  return { coef: beta, intercept };
}

/** Cholesky solve of (Xc' W Xc + alpha I) beta = Xc' W yc; undefined when not positive definite. */
function normalEquations(moments: WeightedMoments, alpha: number, cols: readonly number[]): Float64Array | undefined {
  const p = cols.length;
  const q = moments.x.cols;
  const g = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    rhs[j] = moments.rhs[cols[j]];
    for (let k = 0; k <= j; k++) g[j * p + k] = moments.gram[cols[j] * q + cols[k]];
  }
  for (let j = 0; j < p; j++) g[j * p + j] += alpha;
  return choleskySolve(g, rhs, p);
}

/** Least squares on [sqrt(W) Xc; sqrt(alpha) I] beta ~ [sqrt(W) yc; 0] by pivoted QR. */
function qrSolve(
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  alpha: number,
  cols: readonly number[],
  xbar: Float64Array,
  ybar: number,
): Float64Array {
  const n = x.rows;
  const p = cols.length;
  const extra = alpha > 0 ? p : 0;
  const a = matrix(n + extra, p);
  const b = new Float64Array(n + extra);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(w[i]);
    for (let j = 0; j < p; j++) a.data[i * p + j] = s * (x.data[i * x.cols + cols[j]] - xbar[j]);
    b[i] = s * (y[i] - ybar);
  }
  const sa = Math.sqrt(alpha);
  for (let j = 0; j < extra; j++) a.data[(n + j) * p + j] = sa;
  return leastSquares(a, b).beta;
}

/** The fitted values of a linear fit on the rows of X (columns as fitted). */
export function predictLinear(fit: LinearFit, x: Matrix, columns?: readonly number[]): Float64Array {
  const cols = columns ?? Array.from({ length: x.cols }, (_, j) => j);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = fit.intercept;
    for (let j = 0; j < cols.length; j++) s += fit.coef[j] * x.data[i * x.cols + cols[j]];
    out[i] = s;
  }
  return out;
}

/**
 * Weighted R^2, 1 - sum w (y - yhat)^2 / sum w (y - ybar_w)^2, with sklearn's r2_score convention for a
 * constant target: 1 when the fit is exact, else 0.
 */
export function weightedR2(y: ArrayLike<number>, yhat: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let ybar = 0;
  for (let i = 0; i < y.length; i++) {
    sw += w[i];
    ybar += w[i] * y[i];
  }
  ybar /= sw;
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    num += w[i] * (y[i] - yhat[i]) ** 2;
    den += w[i] * (y[i] - ybar) ** 2;
  }
  if (den !== 0) return 1 - num / den;
  return num === 0 ? 1 : 0;
}
