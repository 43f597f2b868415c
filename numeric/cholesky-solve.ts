/**
 * The small dense solve behind the weighted least-squares fits of LIME and KernelSHAP (shap solves its
 * normal equations the same way, falling back to lstsq): Cholesky of the (d+1) x (d+1) Gram matrix,
 * then two triangular solves. Plain loops over typed arrays: the systems are tiny and solved once per
 * explanation, so no library call pays for its overhead.
 *
 * Solves G x = b for symmetric G given by its lower triangle (row-major p x p, overwritten), in place in
 * b; undefined when G is not clearly positive definite (a pivot <= 1e-10 of the largest diagonal).
 */
export function choleskySolve(g: Float64Array, b: Float64Array, p: number): Float64Array | undefined {
  let maxDiag = 0;
  for (let j = 0; j < p; j++) maxDiag = Math.max(maxDiag, g[j * p + j]);
  if (!(maxDiag > 0)) return undefined;
  for (let j = 0; j < p; j++) {
    let d = g[j * p + j];
    for (let k = 0; k < j; k++) d -= g[j * p + k] * g[j * p + k];
    if (!(d > 1e-10 * maxDiag)) return undefined;
    const ljj = Math.sqrt(d);
    g[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = g[i * p + j];
      for (let k = 0; k < j; k++) s -= g[i * p + k] * g[j * p + k];
      g[i * p + j] = s / ljj;
    }
  }
  return choleskySubstitute(g, b, p);
}

/**
 * Solves L L' x = b in place in b, for L lower triangular (row-major p x p, only the lower triangle
 * read): the two triangular solves after a Cholesky factorisation. ROAD's Gaussian imputation uses it
 * with its own factors.
 */
export function choleskySubstitute(l: Float64Array, b: Float64Array, p: number): Float64Array {
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * b[k];
    b[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
  return b;
}
