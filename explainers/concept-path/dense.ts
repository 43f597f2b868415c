/**
 * Small dense float64 matrices for the zero-shot learners' closed forms (ESZSL's two solves, Gaussian
 * statistics): row-major, no tensors, so nothing can leak and results are bit-for-bit reproducible.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function mat(rows: number, cols: number, data?: ArrayLike<number>): Mat {
  const m = { rows, cols, data: new Float64Array(rows * cols) };
  if (data) {
    if (data.length !== rows * cols) throw new RangeError(`mat: ${data.length} values for ${rows}x${cols}`);
    m.data.set(data);
  }
  return m;
}

export const at = (a: Mat, i: number, j: number): number => a.data[i * a.cols + j];

export function transpose(a: Mat): Mat {
  const t = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

export function matmul(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new RangeError(`matmul: ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
  const c = mat(a.rows, b.cols);
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
export function addDiagonal(a: Mat, s: number): Mat {
  const c = mat(a.rows, a.cols, a.data);
  for (let i = 0; i < a.rows; i++) c.data[i * a.cols + i] += s;
  return c;
}

/** Solves A X = B for symmetric positive definite A by Cholesky (A = L L^T). */
export function solveSpd(a: Mat, b: Mat): Mat {
  const n = a.rows;
  if (a.cols !== n || b.rows !== n) throw new RangeError(`solveSpd: A ${a.rows}x${a.cols}, B ${b.rows}x${b.cols}`);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a.data[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) throw new Error('solveSpd: matrix is not positive definite');
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  const x = mat(n, b.cols, b.data);
  for (let c = 0; c < b.cols; c++) {
    for (let i = 0; i < n; i++) {
      let s = x.data[i * b.cols + c];
      for (let k = 0; k < i; k++) s -= l[i * n + k] * x.data[k * b.cols + c];
      x.data[i * b.cols + c] = s / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x.data[i * b.cols + c];
      for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x.data[k * b.cols + c];
      x.data[i * b.cols + c] = s / l[i * n + i];
    }
  }
  return x;
}
