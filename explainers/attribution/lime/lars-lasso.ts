/**
 * The Lasso regularisation path by LARS with the lasso modification (Efron et al. 2004), step for step
 * as scikit-learn's lars_path(X, y, method='lasso') computes it with Gram=None (sklearn 1.2,
 * linear_model/_least_angle.py), which LIME's 'lasso_path' feature selection walks. The same column
 * swaps, tie-breaks (first maximum), min_pos step rule, float32 tolerances and drop handling are kept,
 * because LIME counts exact non-zeros along the path. The Cholesky factor of the active Gram matrix is
 * updated by a row on entry and recomputed on a drop (sklearn downdates it with Givens rotations: the
 * same factor up to rounding).
 */
import type { Matrix } from '../../../numeric/linalg.js';

export interface LassoPath {
  /** Regularisation at each knot, decreasing: max |X'r| / n_samples. */
  readonly alphas: Float64Array;
  /** Coefficients at each knot: one Float64Array of n_features per alpha (coefs.T in sklearn). */
  readonly coefs: Float64Array[];
}

const TINY32 = 1.1754943508222875e-38; // np.finfo(np.float32).tiny
const EQUALITY_TOLERANCE = 1.1920928955078125e-7; // np.finfo(np.float32).eps
const EPS = Number.EPSILON;

/** Smallest strictly positive value, or the largest double when there is none (sklearn's min_pos). */
function minPos(values: ArrayLike<number>): number {
  let m = Number.MAX_VALUE;
  for (let i = 0; i < values.length; i++) if (values[i] > 0 && values[i] < m) m = values[i];
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves L z = b in place (L lower-triangular, row-major with stride `stride`). */
function forwardSolve(l: Float64Array, stride: number, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let j = 0; j < i; j++) s -= l[i * stride + j] * b[j];
    b[i] = s / l[i * stride + i];
  }
}

/** Solves L' z = b in place. */
function backSolveTransposed(l: Float64Array, stride: number, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= l[j * stride + i] * b[j];
    b[i] = s / l[i * stride + i];
  }
}

export function larsLassoPath(x: Matrix, y: ArrayLike<number>, maxIter = 500): LassoPath {
  const nSamples = x.rows;
  const nFeatures = x.cols;
  const maxFeatures = Math.min(maxIter, nFeatures);
  // Columns of X, swapped as variables enter and leave the active set (sklearn swaps X.T rows).
  const cols: Float64Array[] = Array.from({ length: nFeatures }, (_, j) => {
    const c = new Float64Array(nSamples);
    for (let i = 0; i < nSamples; i++) c[i] = x.data[i * nFeatures + j];
    return c;
  });
  const yv = Float64Array.from(y);
  // sklearn's Cov is the inactive tail of X'y; here cov[nActive + k] plays Cov[k].
  const cov = new Float64Array(nFeatures);
  for (let j = 0; j < nFeatures; j++) cov[j] = dot(cols[j], yv);
  const indices = Array.from({ length: nFeatures }, (_, j) => j);
  const l = new Float64Array(Math.max(1, maxFeatures * maxFeatures));
  const stride = maxFeatures;
  let signActive = new Array<number>(maxFeatures).fill(0);
  const active: number[] = [];
  const alphas: number[] = [0];
  const coefs: Float64Array[] = [new Float64Array(nFeatures)];
  let nIter = 0;
  let nActive = 0;
  let drop = false;
  let dropIdx: number[] = [];

  const swapCols = (a: number, b: number) => {
    [cols[a], cols[b]] = [cols[b], cols[a]];
  };

  for (;;) {
    let cIdx = 0;
    let c = 0;
    let cSigned = 0;
    if (nActive < nFeatures) {
      for (let k = 0; k < nFeatures - nActive; k++) {
        if (Math.abs(cov[nActive + k]) > c) {
          c = Math.abs(cov[nActive + k]);
          cIdx = k;
        }
      }
      cSigned = cov[nActive + cIdx];
    }
    alphas[nIter] = c / nSamples;
    if (alphas[nIter] <= EQUALITY_TOLERANCE) {
      // Early stop at alpha_min = 0: interpolate the last step back onto alpha_min.
      if (Math.abs(alphas[nIter]) > EQUALITY_TOLERANCE) {
        if (nIter > 0) {
          const ss = alphas[nIter - 1] / (alphas[nIter - 1] - alphas[nIter]);
          const coef = coefs[nIter];
          const prev = coefs[nIter - 1];
          for (let j = 0; j < nFeatures; j++) coef[j] = prev[j] + ss * (coef[j] - prev[j]);
        }
        alphas[nIter] = 0;
      }
      break;
    }
    if (nIter >= maxIter || nActive >= nFeatures) break;

    if (!drop) {
      signActive[nActive] = Math.sign(cSigned);
      const m = nActive;
      const n = cIdx + nActive;
      [cov[m + cIdx], cov[m]] = [cov[m], cov[m + cIdx]];
      [indices[n], indices[m]] = [indices[m], indices[n]];
      swapCols(n, m);
      const cc = dot(cols[m], cols[m]);
      const row = new Float64Array(nActive);
      for (let j = 0; j < nActive; j++) row[j] = dot(cols[m], cols[j]);
      if (nActive > 0) forwardSolve(l, stride, nActive, row);
      for (let j = 0; j < nActive; j++) l[nActive * stride + j] = row[j];
      const v = dot(row, row);
      const diag = Math.max(Math.sqrt(Math.abs(cc - v)), EPS);
      l[nActive * stride + nActive] = diag;
      if (diag < 1e-7) {
        // Degenerate (collinear) variable: sklearn zeroes its correlation and swaps it back in Cov only
        // (X and indices stay swapped); kept as is.
        cov[m] = 0;
        [cov[m + cIdx], cov[m]] = [cov[m], cov[m + cIdx]];
        continue;
      }
      active.push(indices[nActive]);
      nActive++;
    }

    if (nIter > 0 && alphas[nIter - 1] < alphas[nIter]) break; // alpha increasing: numerical trouble

    // Equiangular direction: least squares of G_A z = sign_A, scaled so that X_A' u = AA * sign_A.
    let ls = Float64Array.from(signActive.slice(0, nActive));
    forwardSolve(l, stride, nActive, ls);
    backSolveTransposed(l, stride, nActive, ls);
    let aa: number;
    if (ls.length === 1 && ls[0] === 0) {
      ls[0] = 1;
      aa = 1;
    } else {
      let t = 0;
      for (let j = 0; j < nActive; j++) t += ls[j] * signActive[j];
      aa = 1 / Math.sqrt(t);
      if (!Number.isFinite(aa)) {
        const lr = new Float64Array(nActive * nActive);
        for (let i = 0; i < nActive; i++) for (let j = 0; j < nActive; j++) lr[i * nActive + j] = l[i * stride + j];
        for (let i = 0; !Number.isFinite(aa); i++) {
          for (let j = 0; j < nActive; j++) lr[j * nActive + j] += 2 ** i * EPS;
          ls = Float64Array.from(signActive.slice(0, nActive));
          forwardSolve(lr, nActive, nActive, ls);
          backSolveTransposed(lr, nActive, nActive, ls);
          let s = 0;
          for (let j = 0; j < nActive; j++) s += ls[j] * signActive[j];
          aa = 1 / Math.sqrt(Math.max(s, EPS));
        }
      }
      for (let j = 0; j < nActive; j++) ls[j] *= aa;
    }

    const eqDir = new Float64Array(nSamples);
    for (let j = 0; j < nActive; j++) for (let i = 0; i < nSamples; i++) eqDir[i] += cols[j][i] * ls[j];
    const inactive = nFeatures - nActive;
    const corrEqDir = new Float64Array(inactive);
    for (let k = 0; k < inactive; k++) corrEqDir[k] = dot(cols[nActive + k], eqDir);

    const r1 = new Float64Array(inactive);
    const r2 = new Float64Array(inactive);
    for (let k = 0; k < inactive; k++) {
      r1[k] = (c - cov[nActive + k]) / (aa - corrEqDir[k] + TINY32);
      r2[k] = (c + cov[nActive + k]) / (aa + corrEqDir[k] + TINY32);
    }
    let gamma = Math.min(minPos(r1), minPos(r2), c / aa);

    drop = false;
    const prev = coefs[nIter];
    const z = new Float64Array(nActive);
    for (let j = 0; j < nActive; j++) z[j] = -prev[active[j]] / (ls[j] + TINY32);
    const zPos = minPos(z);
    if (zPos < gamma) {
      // A coefficient crosses zero before the next variable enters: lasso drops it.
      dropIdx = [];
      for (let j = nActive - 1; j >= 0; j--) if (z[j] === zPos) dropIdx.push(j);
      for (const j of dropIdx) signActive[j] = -signActive[j];
      gamma = zPos;
      drop = true;
    }

    nIter++;
    const coef = new Float64Array(nFeatures);
    for (let j = 0; j < nActive; j++) coef[active[j]] = prev[active[j]] + gamma * ls[j];
    coefs[nIter] = coef;
    alphas[nIter] = 0;
    for (let k = 0; k < inactive; k++) cov[nActive + k] -= gamma * corrEqDir[k];

    if (drop) {
      nActive--;
      for (const ii of dropIdx) active.splice(ii, 1);
      for (const ii of dropIdx) {
        for (let i = ii; i < nActive; i++) {
          swapCols(i, i + 1);
          [indices[i], indices[i + 1]] = [indices[i + 1], indices[i]];
        }
      }
      const residual = Float64Array.from(yv);
      for (let j = 0; j < nActive; j++) {
        const b = coef[active[j]];
        for (let i = 0; i < nSamples; i++) residual[i] -= cols[j][i] * b;
      }
      cov[nActive] = dot(cols[nActive], residual);
      signActive = signActive.filter((_, j) => !dropIdx.includes(j));
      while (signActive.length < maxFeatures) signActive.push(0);
      // Cholesky factor of the remaining active columns' Gram matrix.
      for (let i = 0; i < nActive; i++) {
        for (let j = 0; j <= i; j++) {
          let s = dot(cols[i], cols[j]);
          for (let k = 0; k < j; k++) s -= l[i * stride + k] * l[j * stride + k];
          l[i * stride + j] = i === j ? Math.max(Math.sqrt(Math.abs(s)), EPS) : s / l[j * stride + j];
        }
      }
    }
  }
  return { alphas: Float64Array.from(alphas.slice(0, nIter + 1)), coefs: coefs.slice(0, nIter + 1) };
}
