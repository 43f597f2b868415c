/**
 * The project's one dense matrix type and its small linear algebra, for the surrogate explainers and
 * the zero-shot learners' closed forms: products, transposes, and least squares by Householder QR with
 * column pivoting (stable where the normal equations square the condition number), its weighted form,
 * and the weighted form under one equality constraint sum(beta) = total, as KernelSHAP's solver uses.
 * Matrices are row-major Float64Arrays: no tensors, so nothing can leak and results are bit-for-bit
 * reproducible. Symmetric positive definite systems are solved by Cholesky (cholesky-solve.ts).
 */

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** rows * cols values, row-major. */
  readonly data: Float64Array;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`bad matrix size ${rows}x${cols}`);
  }
  const d = new Float64Array(rows * cols);
  if (data) {
    if (data.length !== rows * cols) {
      throw new RangeError(`matrix ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
    }
    d.set(data);
  }
  return { rows, cols, data: d };
}

export function transpose(a: Matrix): Matrix {
  const t = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`matmul: ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
  const c = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const v = a.data[i * a.cols + k];
      if (v === 0) continue;
      const bo = k * b.cols;
      const co = i * b.cols;
      for (let j = 0; j < b.cols; j++) c.data[co + j] += v * b.data[bo + j];
    }
  }
  return c;
}

/** a + s * I (square a). */
export function addDiagonal(a: Matrix, s: number): Matrix {
  const c = matrix(a.rows, a.cols, a.data);
  for (let i = 0; i < a.rows; i++) c.data[i * a.cols + i] += s;
  return c;
}

export interface LeastSquaresSolution {
  readonly beta: Float64Array;
  /** Numerical rank of the design; below `cols` the solution is the basic one (dropped columns get 0). */
  readonly rank: number;
}

/**
 * argmin_beta ||A beta - b||_2. Rank-deficient designs get the basic solution: columns that the pivoted
 * QR finds dependent (|R_kk| <= tol * |R_00|) are given coefficient 0, which still minimises the residual.
 */
export function leastSquares(a: Matrix, b: ArrayLike<number>, tol = 1e-10): LeastSquaresSolution {
  const m = a.rows;
  const n = a.cols;
  if (b.length !== m) throw new RangeError(`right-hand side has ${b.length} rows, matrix has ${m}`);
  const r = Float64Array.from(a.data);
  const y = Float64Array.from(b as ArrayLike<number>);
  const perm = Array.from({ length: n }, (_, j) => j);
  const colNorm2 = new Float64Array(n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) colNorm2[j] += r[i * n + j] ** 2;
  const steps = Math.min(m, n);
  let rank = 0;
  let firstDiag = 0;
  for (let k = 0; k < steps; k++) {
    // Pivot: the remaining column with the largest norm below row k (recomputed, not downdated, for accuracy).
    let best = k;
    let bestNorm = -1;
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += r[i * n + j] ** 2;
      colNorm2[j] = s;
      if (s > bestNorm) {
        bestNorm = s;
        best = j;
      }
    }
    if (best !== k) {
      for (let i = 0; i < m; i++) {
        const t = r[i * n + k];
        r[i * n + k] = r[i * n + best];
        r[i * n + best] = t;
      }
      [perm[k], perm[best]] = [perm[best], perm[k]];
    }
    const norm = Math.sqrt(bestNorm);
    if (k === 0) firstDiag = norm;
    if (norm === 0 || norm <= tol * firstDiag) break;
    rank++;
    // Householder reflector v = x + sign(x0) ||x|| e0, applied to the remaining columns and to y.
    const alpha = r[k * n + k] >= 0 ? -norm : norm;
    const v = new Float64Array(m - k);
    for (let i = k; i < m; i++) v[i - k] = r[i * n + k];
    v[0] -= alpha;
    let vv = 0;
    for (let i = 0; i < v.length; i++) vv += v[i] * v[i];
    if (vv > 0) {
      for (let j = k; j < n; j++) {
        let s = 0;
        for (let i = k; i < m; i++) s += v[i - k] * r[i * n + j];
        const f = (2 * s) / vv;
        for (let i = k; i < m; i++) r[i * n + j] -= f * v[i - k];
      }
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k] * y[i];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) y[i] -= f * v[i - k];
    }
  }
  // Back substitution on the leading rank x rank block of R.
  const z = new Float64Array(n);
  for (let k = rank - 1; k >= 0; k--) {
    let s = y[k];
    for (let j = k + 1; j < rank; j++) s -= r[k * n + j] * z[j];
    z[k] = s / r[k * n + k];
  }
  const beta = new Float64Array(n);
  for (let k = 0; k < n; k++) beta[perm[k]] = z[k];
  return { beta, rank };
}

/** argmin_beta sum_i w_i (A_i beta - b_i)^2, by scaling rows with sqrt(w_i). Weights must be >= 0. */
export function weightedLeastSquares(
  a: Matrix,
  b: ArrayLike<number>,
  w: ArrayLike<number>,
  tol?: number,
): LeastSquaresSolution {
  if (w.length !== a.rows) throw new RangeError(`weights have ${w.length} rows, matrix has ${a.rows}`);
  const scaled = matrix(a.rows, a.cols);
  const rhs = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    if (!(w[i] >= 0)) throw new RangeError(`weight ${i} is ${w[i]}; weights must be non-negative`);
    const s = Math.sqrt(w[i]);
    for (let j = 0; j < a.cols; j++) scaled.data[i * a.cols + j] = s * a.data[i * a.cols + j];
    rhs[i] = s * b[i];
  }
  return leastSquares(scaled, rhs, tol);
}

/**
 * Weighted least squares under sum(beta) = total, enforced exactly by eliminating the last coefficient
 * (beta_last = total - sum(others)), which is how shap's KernelExplainer solves it:
 * y - A_last * total = (A_j - A_last) beta_j over j < last.
 */
export function constrainedWeightedLeastSquares(
  a: Matrix,
  b: ArrayLike<number>,
  w: ArrayLike<number>,
  total: number,
  tol?: number,
): LeastSquaresSolution {
  const p = a.cols;
  if (p === 0) throw new RangeError('constrained least squares needs at least one column');
  if (p === 1) return { beta: Float64Array.of(total), rank: 1 };
  const reduced = matrix(a.rows, p - 1);
  const rhs = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    const last = a.data[i * p + p - 1];
    for (let j = 0; j < p - 1; j++) reduced.data[i * (p - 1) + j] = a.data[i * p + j] - last;
    rhs[i] = b[i] - last * total;
  }
  const sol = weightedLeastSquares(reduced, rhs, w, tol);
  const beta = new Float64Array(p);
  let sum = 0;
  for (let j = 0; j < p - 1; j++) {
    beta[j] = sol.beta[j];
    sum += sol.beta[j];
  }
  beta[p - 1] = total - sum;
  return { beta, rank: sol.rank + 1 };
}
