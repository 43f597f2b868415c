/**
 * The weighted means and centred cross-products of a regression problem, computed in one pass and
 * shared by every ridge fit LIME makes on one neighbourhood (feature selection fits several column
 * subsets, then the final surrogate fits one): the normal equations of a fit on any subset of columns
 * are the corresponding rows and columns of these, because centring is per column.
 *
 * LIME's design matrices are 0/1 (a feature or segment is the instance's or not), and there the pass
 * costs far less than the dense one: with T_j = sum of the weights of the rows where column j is 1 and
 * S_jk = the same over rows where j and k both are, Xc' W Xc = S - T T' / sw, and Xc' W yc is the
 * weighted sum of y - ybar over each column's rows minus xbar_j times its (zero up to rounding) total;
 * a row adds to S only for pairs of its ones. The two agree to rounding (~1e-15 relative;
 * weighted-ridge.test.ts compares them on random data).
 */
import type { Matrix } from '../../../numeric/linalg.js';

export interface WeightedMoments {
  readonly x: Matrix;
  readonly y: Float64Array;
  readonly w: Float64Array;
  /** Sum of weights. */
  readonly sw: number;
  /** Weighted means of y and of every column of x (0 when the weights sum to 0). */
  readonly ybar: number;
  readonly xbar: Float64Array;
  /** Xc' W Xc, cols x cols row-major, both triangles (exactly symmetric). */
  readonly gram: Float64Array;
  /** Xc' W yc. */
  readonly rhs: Float64Array;
}

function isBinary(data: Float64Array): boolean {
  for (let i = 0; i < data.length; i++) if (data[i] !== 0 && data[i] !== 1) return false;
  return true;
}

export function weightedMoments(x: Matrix, y: ArrayLike<number>, w: ArrayLike<number>, dense = !isBinary(x.data)): WeightedMoments {
  const n = x.rows;
  if (y.length !== n || w.length !== n) throw new RangeError(`ridge: ${n} rows but ${y.length} targets and ${w.length} weights`);
  const yy = Float64Array.from(y);
  const ww = Float64Array.from(w);
  let sw = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) {
    sw += ww[i];
    ybar += ww[i] * yy[i];
  }
  const p = x.cols;
  const parts = { x, y: yy, w: ww, sw, gram: new Float64Array(p * p), rhs: new Float64Array(p) };
  if (!(sw > 0)) return { ...parts, ybar: 0, xbar: new Float64Array(p) };
  ybar /= sw;
  const xbar = dense ? denseMoments(x, yy, ww, sw, ybar, parts.gram, parts.rhs) : binaryMoments(x, yy, ww, sw, ybar, parts.gram, parts.rhs);
  return { ...parts, ybar, xbar };
}

/** Any X: two passes, the second accumulating the centred products of every pair of columns. */
function denseMoments(
  x: Matrix,
  y: Float64Array,
  w: Float64Array,
  sw: number,
  ybar: number,
  gram: Float64Array,
  rhs: Float64Array,
): Float64Array {
  const n = x.rows;
  const p = x.cols;
  const xd = x.data;
  const xbar = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    for (let j = 0; j < p; j++) xbar[j] += wi * xd[i * p + j];
  }
  for (let j = 0; j < p; j++) xbar[j] /= sw;
  const c = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    for (let j = 0; j < p; j++) c[j] = xd[i * p + j] - xbar[j];
    const yi = wi * (y[i] - ybar);
    for (let j = 0; j < p; j++) {
      const cj = wi * c[j];
      rhs[j] += c[j] * yi;
      const row = j * p;
      for (let k = 0; k <= j; k++) gram[row + k] += cj * c[k];
    }
  }
  mirrorLower(gram, p);
  return xbar;
}

/** 0/1 X: one pass over each row's ones. */
function binaryMoments(
  x: Matrix,
  y: Float64Array,
  w: Float64Array,
  sw: number,
  ybar: number,
  gram: Float64Array,
  rhs: Float64Array,
): Float64Array {
  const n = x.rows;
  const p = x.cols;
  const xd = x.data;
  const ones = new Int32Array(p);
  let residualTotal = 0;
  // gram collects S (lower triangle, T on the diagonal), rhs the weighted residuals over each column's ones.
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const r = wi * (y[i] - ybar);
    residualTotal += r;
    let a = 0;
    const off = i * p;
    for (let j = 0; j < p; j++) if (xd[off + j] === 1) ones[a++] = j;
    for (let s = 0; s < a; s++) {
      const j = ones[s];
      rhs[j] += r;
      const row = j * p;
      for (let t = 0; t <= s; t++) gram[row + ones[t]] += wi;
    }
  }
  const total = new Float64Array(p);
  const xbar = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    total[j] = gram[j * p + j];
    xbar[j] = total[j] / sw;
  }
  for (let j = 0; j < p; j++) {
    rhs[j] -= xbar[j] * residualTotal;
    for (let k = 0; k <= j; k++) gram[j * p + k] -= (total[j] * total[k]) / sw;
  }
  mirrorLower(gram, p);
  return xbar;
}

function mirrorLower(g: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) g[k * p + j] = g[j * p + k];
}
