/**
 * Cholesky factorisation and solves of a symmetric positive definite band matrix, for ROAD's
 * imputation systems: on an h x w image the removed pixels, in row-major order, couple only with
 * removed pixels at most w + 1 places away, so the factor keeps that band and costs m b^2 / 2 for m
 * unknowns and half-bandwidth b, against conjugate gradients' hundreds of sweeps over the system on
 * the clustered regions ROAD removes. The factor serves every channel.
 */

/** The lower band of L with A = L L': row u holds L[u][u - b .. u] (b + 1 values, leading ones unused). */
export interface BandedCholesky {
  readonly n: number;
  readonly bandwidth: number;
  readonly l: Float64Array;
}

/**
 * Factors A given by its diagonal and, per row, the off-diagonal entries of its lower part (columns
 * below the row, any order). Throws when A is not positive definite.
 */
export function bandedCholesky(
  n: number,
  bandwidth: number,
  entry: (row: number, visit: (col: number, value: number) => void) => void,
  diag: ArrayLike<number>,
): BandedCholesky {
  const b = bandwidth;
  const s = b + 1;
  // l[u * s + (b - (u - v))] = L(u, v) for u - b <= v <= u: the diagonal sits at offset b.
  const l = new Float64Array(n * s);
  // first[u]: row u's first non-zero column in A. L has no fill-in left of it (the envelope), so the
  // loops start there rather than at the band's edge.
  const first = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    l[u * s + b] = diag[u];
    let f = u;
    entry(u, (v, value) => {
      if (v < u) {
        if (u - v > b) throw new RangeError(`banded Cholesky: entry (${u}, ${v}) is outside the half-bandwidth ${b}`);
        l[u * s + b - (u - v)] += value;
        f = Math.min(f, v);
      }
    });
    first[u] = f;
  }
  for (let u = 0; u < n; u++) {
    // L(u, k) is at l[iu + k] and L(v, k) at l[iv + k]: the sums below run over contiguous memory.
    const iu = u * s + b - u;
    const fu = first[u];
    for (let v = fu; v <= u; v++) {
      const iv = v * s + b - v;
      // L(u, v) = (A(u, v) - sum_{k < v} L(u, k) L(v, k)) / L(v, v), over k in both rows' envelopes.
      let sum = l[iu + v];
      for (let k = Math.max(fu, first[v]); k < v; k++) sum -= l[iu + k] * l[iv + k];
      if (v < u) l[iu + v] = sum / l[iv + v];
      else {
        if (!(sum > 0)) throw new RangeError(`banded Cholesky: the matrix is not positive definite (pivot ${u} is ${sum})`);
        l[iu + u] = Math.sqrt(sum);
      }
    }
  }
  return { n, bandwidth: b, l };
}

/** Solves L L' x = rhs, in place in a copy of rhs. */
export function bandedSolve(f: BandedCholesky, rhs: ArrayLike<number>): Float64Array {
  const { n, bandwidth: b, l } = f;
  const s = b + 1;
  const x = Float64Array.from(rhs);
  for (let u = 0; u < n; u++) {
    const iu = u * s + b - u;
    let sum = x[u];
    for (let k = Math.max(0, u - b); k < u; k++) sum -= l[iu + k] * x[k];
    x[u] = sum / l[iu + u];
  }
  for (let u = n - 1; u >= 0; u--) {
    let sum = x[u];
    // L'(u, k) = L(k, u), at l[k * s + b - k + u] = l[u + b + k * b].
    for (let k = u + 1; k <= Math.min(n - 1, u + b); k++) sum -= l[k * b + b + u] * x[k];
    x[u] = sum / l[u * s + b];
  }
  return x;
}
