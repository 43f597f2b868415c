/**
 * The Lasso regularisation path by LARS with the lasso modification (Efron et al. 2004), step for step
 * as scikit-learn's lars_path(X, y, method='lasso') computes it with Gram=None (sklearn 1.2,
 * linear_model/_least_angle.py), which LIME's 'lasso_path' feature selection walks. The same column
 * swaps, tie-breaks (first maximum), min_pos step rule, float32 tolerances and drop handling are kept,
 * because LIME counts exact non-zeros along the path. The Cholesky factor of the active Gram matrix is
 * updated by a row on entry and recomputed on a drop (sklearn downdates it with Givens rotations: the
 * same factor up to rounding).
 */
import { choleskySubstitute } from '../../../numeric/cholesky-solve.js';
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

/** The equiangular direction's coefficients on the active columns and its normalisation AA. */
interface Direction {
  readonly ls: Float64Array;
  readonly aa: number;
}

/** The walk's state, named as in sklearn's lars_path; each step of its loop is one method. */
class LarsWalk {
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly maxFeatures: number;
  /** Columns of X, swapped as variables enter and leave the active set (sklearn swaps X.T rows). */
  readonly cols: Float64Array[];
  readonly yv: Float64Array;
  /** sklearn's Cov is the inactive tail of X'y; here cov[nActive + k] plays Cov[k]. */
  readonly cov: Float64Array;
  readonly indices: number[];
  readonly l: Float64Array;
  readonly stride: number;
  signActive: number[];
  readonly active: number[] = [];
  readonly alphas: number[] = [0];
  readonly coefs: Float64Array[];
  nIter = 0;
  nActive = 0;
  drop = false;
  dropIdx: number[] = [];

  constructor(x: Matrix, y: ArrayLike<number>, readonly maxIter: number) {
    this.nSamples = x.rows;
    this.nFeatures = x.cols;
    this.maxFeatures = Math.min(maxIter, this.nFeatures);
    this.cols = Array.from({ length: this.nFeatures }, (_, j) => {
      const c = new Float64Array(this.nSamples);
      for (let i = 0; i < this.nSamples; i++) c[i] = x.data[i * this.nFeatures + j];
      return c;
    });
    this.yv = Float64Array.from(y);
    this.cov = new Float64Array(this.nFeatures);
    for (let j = 0; j < this.nFeatures; j++) this.cov[j] = dot(this.cols[j], this.yv);
    this.indices = Array.from({ length: this.nFeatures }, (_, j) => j);
    this.l = new Float64Array(Math.max(1, this.maxFeatures * this.maxFeatures));
    this.stride = this.maxFeatures;
    this.signActive = new Array<number>(this.maxFeatures).fill(0);
    this.coefs = [new Float64Array(this.nFeatures)];
  }

  swapCols(a: number, b: number): void {
    [this.cols[a], this.cols[b]] = [this.cols[b], this.cols[a]];
  }

  /** The inactive variable of largest absolute correlation (first maximum): its offset, |C| and C. */
  largestCorrelation(): { cIdx: number; c: number; cSigned: number } {
    let cIdx = 0;
    let c = 0;
    if (this.nActive >= this.nFeatures) return { cIdx, c, cSigned: 0 };
    for (let k = 0; k < this.nFeatures - this.nActive; k++) {
      if (Math.abs(this.cov[this.nActive + k]) > c) {
        c = Math.abs(this.cov[this.nActive + k]);
        cIdx = k;
      }
    }
    return { cIdx, c, cSigned: this.cov[this.nActive + cIdx] };
  }

  /** Early stop at alpha_min = 0: interpolates the last step back onto alpha_min. */
  stopAtZero(): void {
    const { alphas, coefs, nIter } = this;
    if (Math.abs(alphas[nIter]) <= EQUALITY_TOLERANCE) return;
    if (nIter > 0) {
      const ss = alphas[nIter - 1] / (alphas[nIter - 1] - alphas[nIter]);
      const coef = coefs[nIter];
      const prev = coefs[nIter - 1];
      for (let j = 0; j < this.nFeatures; j++) coef[j] = prev[j] + ss * (coef[j] - prev[j]);
    }
    alphas[nIter] = 0;
  }

  /** Moves the chosen variable into the active set and extends the factor; false when it is degenerate. */
  enter(cIdx: number, cSigned: number): boolean {
    const { cov, indices, cols, l, stride, nActive } = this;
    this.signActive[nActive] = Math.sign(cSigned);
    const m = nActive;
    const n = cIdx + nActive;
    [cov[m + cIdx], cov[m]] = [cov[m], cov[m + cIdx]];
    [indices[n], indices[m]] = [indices[m], indices[n]];
    this.swapCols(n, m);
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
      return false;
    }
    this.active.push(indices[nActive]);
    this.nActive++;
    return true;
  }

  /** Equiangular direction: least squares of G_A z = sign_A, scaled so that X_A' u = AA * sign_A. */
  direction(): Direction {
    const { nActive, signActive } = this;
    const ls = choleskySubstitute(this.l, Float64Array.from(signActive.slice(0, nActive)), nActive, this.stride);
    if (ls.length === 1 && ls[0] === 0) {
      ls[0] = 1;
      return { ls, aa: 1 };
    }
    let t = 0;
    for (let j = 0; j < nActive; j++) t += ls[j] * signActive[j];
    const aa = 1 / Math.sqrt(t);
    if (!Number.isFinite(aa)) return this.regularisedDirection();
    for (let j = 0; j < nActive; j++) ls[j] *= aa;
    return { ls, aa };
  }

  /** sklearn's fallback where AA is not finite: add 2^i eps to the factor's diagonal until it is. */
  regularisedDirection(): Direction {
    const { nActive, signActive, l, stride } = this;
    const lr = new Float64Array(nActive * nActive);
    for (let i = 0; i < nActive; i++) for (let j = 0; j < nActive; j++) lr[i * nActive + j] = l[i * stride + j];
    let aa = NaN;
    let ls: Float64Array = new Float64Array(0);
    for (let i = 0; !Number.isFinite(aa); i++) {
      for (let j = 0; j < nActive; j++) lr[j * nActive + j] += 2 ** i * EPS;
      ls = choleskySubstitute(lr, Float64Array.from(signActive.slice(0, nActive)), nActive);
      let s = 0;
      for (let j = 0; j < nActive; j++) s += ls[j] * signActive[j];
      aa = 1 / Math.sqrt(Math.max(s, EPS));
    }
    for (let j = 0; j < nActive; j++) ls[j] *= aa;
    return { ls, aa };
  }

  /** X_inactive' u: how the inactive correlations change along the direction. */
  inactiveCorrelations(ls: Float64Array): Float64Array {
    const { nSamples, nActive, cols } = this;
    const eqDir = new Float64Array(nSamples);
    for (let j = 0; j < nActive; j++) for (let i = 0; i < nSamples; i++) eqDir[i] += cols[j][i] * ls[j];
    const inactive = this.nFeatures - nActive;
    const corrEqDir = new Float64Array(inactive);
    for (let k = 0; k < inactive; k++) corrEqDir[k] = dot(cols[nActive + k], eqDir);
    return corrEqDir;
  }

  /** The step length: to the next entering variable, or to the first coefficient crossing zero (a drop). */
  stepLength(c: number, { ls, aa }: Direction, corrEqDir: Float64Array): number {
    const { nActive, cov } = this;
    const r1 = new Float64Array(corrEqDir.length);
    const r2 = new Float64Array(corrEqDir.length);
    for (let k = 0; k < corrEqDir.length; k++) {
      r1[k] = (c - cov[nActive + k]) / (aa - corrEqDir[k] + TINY32);
      r2[k] = (c + cov[nActive + k]) / (aa + corrEqDir[k] + TINY32);
    }
    let gamma = Math.min(minPos(r1), minPos(r2), c / aa);
    this.drop = false;
    const prev = this.coefs[this.nIter];
    const z = new Float64Array(nActive);
    for (let j = 0; j < nActive; j++) z[j] = -prev[this.active[j]] / (ls[j] + TINY32);
    const zPos = minPos(z);
    if (zPos < gamma) {
      // A coefficient crosses zero before the next variable enters: lasso drops it.
      this.dropIdx = [];
      for (let j = nActive - 1; j >= 0; j--) if (z[j] === zPos) this.dropIdx.push(j);
      for (const j of this.dropIdx) this.signActive[j] = -this.signActive[j];
      gamma = zPos;
      this.drop = true;
    }
    return gamma;
  }

  /** Takes the step: the next knot's coefficients and the inactive correlations after it. */
  advance(gamma: number, ls: Float64Array, corrEqDir: Float64Array): Float64Array {
    const prev = this.coefs[this.nIter];
    this.nIter++;
    const coef = new Float64Array(this.nFeatures);
    for (let j = 0; j < this.nActive; j++) coef[this.active[j]] = prev[this.active[j]] + gamma * ls[j];
    this.coefs[this.nIter] = coef;
    this.alphas[this.nIter] = 0;
    for (let k = 0; k < corrEqDir.length; k++) this.cov[this.nActive + k] -= gamma * corrEqDir[k];
    return coef;
  }

  /** Removes the dropped variables, restores the correlation of the first inactive one, refactors. */
  removeDropped(coef: Float64Array): void {
    const { dropIdx, cols, indices, l, stride } = this;
    this.nActive--;
    const nActive = this.nActive;
    for (const ii of dropIdx) this.active.splice(ii, 1);
    for (const ii of dropIdx) {
      for (let i = ii; i < nActive; i++) {
        this.swapCols(i, i + 1);
        [indices[i], indices[i + 1]] = [indices[i + 1], indices[i]];
      }
    }
    const residual = Float64Array.from(this.yv);
    for (let j = 0; j < nActive; j++) {
      const b = coef[this.active[j]];
      for (let i = 0; i < this.nSamples; i++) residual[i] -= cols[j][i] * b;
    }
    this.cov[nActive] = dot(cols[nActive], residual);
    this.signActive = this.signActive.filter((_, j) => !dropIdx.includes(j));
    while (this.signActive.length < this.maxFeatures) this.signActive.push(0);
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

export function larsLassoPath(x: Matrix, y: ArrayLike<number>, maxIter = 500): LassoPath {
  const walk = new LarsWalk(x, y, maxIter);
  const { alphas, coefs } = walk;
  for (;;) {
    const { cIdx, c, cSigned } = walk.largestCorrelation();
    alphas[walk.nIter] = c / walk.nSamples;
    if (alphas[walk.nIter] <= EQUALITY_TOLERANCE) {
      walk.stopAtZero();
      break;
    }
    if (walk.nIter >= maxIter || walk.nActive >= walk.nFeatures) break;
    if (!walk.drop && !walk.enter(cIdx, cSigned)) continue;
    if (walk.nIter > 0 && alphas[walk.nIter - 1] < alphas[walk.nIter]) break; // alpha increasing: numerical trouble
    const dir = walk.direction();
    const corrEqDir = walk.inactiveCorrelations(dir.ls);
    const gamma = walk.stepLength(c, dir, corrEqDir);
    const coef = walk.advance(gamma, dir.ls, corrEqDir);
    if (walk.drop) walk.removeDropped(coef);
  }
  return { alphas: Float64Array.from(alphas.slice(0, walk.nIter + 1)), coefs: coefs.slice(0, walk.nIter + 1) };
}
