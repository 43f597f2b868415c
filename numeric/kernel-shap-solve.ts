/**
 * KernelSHAP's regression: weighted least squares over coalitions under sum(phi) = total, with the last
 * player eliminated (phi_last = total - sum(others)), solved as shap's KernelExplainer solves it: the
 * normal equations (Z' W Z) phi = Z' W r, with Z_ij = mask_ij - mask_i,last and r_i = y_i - mask_i,last
 * total, falling back to least squares (pivoted QR, linalg.ts) where they are singular. Z has entries
 * in {-1, 0, 1} and few columns, so the Gram matrix is built in one pass over the 0/1 masks and the
 * small system solved by Cholesky: the cost is one pass over the coalitions, not a QR of them.
 */
import { constrainedWeightedLeastSquares, matrix } from './linalg.js';
import { choleskySolve } from './cholesky-solve.js';

/**
 * argmin sum_i w_i (masks_i . phi - y_i)^2 subject to sum(phi) = total; masks is rows x players, 0/1.
 * Weights must be >= 0.
 */
export function kernelShapSolve(
  masks: Uint8Array,
  rows: number,
  players: number,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  total: number,
): Float64Array {
  const m = players;
  if (m < 1) throw new RangeError('KernelSHAP regression needs at least one player');
  if (masks.length !== rows * m || y.length !== rows || w.length !== rows) {
    throw new RangeError(
      `KernelSHAP regression: ${rows} x ${m} masks, got ${masks.length} mask values, ${y.length} targets, ${w.length} weights`);
  }
  if (m === 1) return Float64Array.of(total);
  const p = m - 1;
  const g = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  // Indices of the non-zero entries of the current row of Z: only those pairs add to the Gram matrix.
  // They all have one sign (-1 where the last player is present, else +1), so each pair adds exactly
  // w_i and each right-hand side entry exactly +-r_i: the same values z_j w_i z_k and z_j r_i give.
  const nz = new Int32Array(p);
  for (let i = 0; i < rows; i++) {
    const wi = w[i];
    if (!(wi >= 0)) throw new RangeError(`weight ${i} is ${wi}; weights must be non-negative`);
    if (wi === 0) continue;
    const base = i * m;
    const last = masks[base + p];
    const ri = wi * (y[i] - last * total);
    const signed = last === 1 ? -ri : ri;
    let count = 0;
    for (let j = 0; j < p; j++) if (masks[base + j] !== last) nz[count++] = j;
    for (let a = 0; a < count; a++) {
      const j = nz[a];
      rhs[j] += signed;
      const row = j * p;
      for (let b = 0; b <= a; b++) g[row + nz[b]] += wi;
    }
  }
  const phi = choleskySolve(g, rhs, p);
  if (phi === undefined) return constrainedWeightedLeastSquares(matrix(rows, m, masks), y, w, total).beta;
  const out = new Float64Array(m);
  let sum = 0;
  for (let j = 0; j < p; j++) {
    out[j] = phi[j];
    sum += phi[j];
  }
  out[p] = total - sum;
  return out;
}
