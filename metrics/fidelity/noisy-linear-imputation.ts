/**
 * Noisy linear imputation (Rong et al. 2022, ROAD): removed pixels take the values that make each of
 * them the weighted mean of its 8 neighbours (direct neighbours weight 1/6, diagonal ones 1/12; only
 * neighbours inside the image), a sparse linear system in which kept pixels are fixed; then small
 * Gaussian noise is added to the imputed values. Unlike a constant baseline, the result carries no
 * trace of the removal mask's shape that a model could read.
 *
 * The system matrix is a weighted graph Laplacian restricted to the removed pixels: symmetric and
 * positive definite whenever one pixel is kept. On narrow images its band is narrow and a banded
 * Cholesky factor solves it directly (banded-cholesky.ts); on wide ones conjugate gradients do (exact in
 * exact arithmetic within |removed| iterations; stopped at a relative residual). Channels share the
 * mask, and the factor.
 *
 * Tabular inputs have no neighbourhood; there the linear imputation is the conditional mean of the
 * removed features given the kept ones under a Gaussian fitted to background data.
 */
import type { Rng } from '../../core/rng.js';
import { bandedCholesky, bandedSolve } from '../../numeric/banded-cholesky.js';
import { choleskySubstitute } from '../../numeric/cholesky-solve.js';

const NEIGHBOURS: readonly (readonly [number, number, number])[] = [
  [-1, -1, 1 / 12], [-1, 0, 1 / 6], [-1, 1, 1 / 12],
  [0, -1, 1 / 6], [0, 1, 1 / 6],
  [1, -1, 1 / 12], [1, 0, 1 / 6], [1, 1, 1 / 12],
];

/**
 * Half-bandwidths up to this use the banded factor: b = w + 1 on an image w pixels wide, so images up to
 * 63 pixels wide (MNIST, the digits, the synthetic patterns). The factor costs m b^2 / 2; beyond this
 * conjugate gradients are cheaper.
 */
const MAX_BANDWIDTH = 64;

/**
 * Imputes the pixels with removed[y * w + x] = 1 of a channels-last image, in place of a copy, and adds
 * N(0, noise^2) to them. Throws when every pixel is removed (the system is then singular).
 */
export function imputeImage(
  img: Float32Array,
  h: number,
  w: number,
  c: number,
  removed: Uint8Array,
  noise: number,
  rng: Rng | null,
  tol = 1e-7,
): Float32Array {
  const out = Float32Array.from(img);
  const unknown: number[] = [];
  const slot = new Int32Array(h * w).fill(-1);
  for (let px = 0; px < h * w; px++) if (removed[px]) slot[px] = unknown.push(px) - 1;
  const m = unknown.length;
  if (m === 0) return out;
  if (m === h * w) throw new RangeError('noisy linear imputation needs at least one kept pixel');

  // Row structure of A, shared by all channels, in compressed rows (typed arrays: the product below is
  // the hot loop of ROAD): the unknown neighbours of each removed pixel with their weights, and the kept
  // neighbours, whose pixel values make the right-hand side. Each list keeps the neighbour order, so the
  // sums are the same, term by term, as summing over the 8 neighbours.
  const diag = new Float64Array(m);
  const rowStart = new Int32Array(m + 1);
  const col = new Int32Array(8 * m);
  const colW = new Float64Array(8 * m);
  const keptStart = new Int32Array(m + 1);
  const keptPx = new Int32Array(8 * m);
  const keptW = new Float64Array(8 * m);
  let nnz = 0;
  let nk = 0;
  for (let u = 0; u < m; u++) {
    const y = Math.floor(unknown[u] / w);
    const x = unknown[u] % w;
    for (const [dy, dx, wt] of NEIGHBOURS) {
      const yy = y + dy;
      const xx = x + dx;
      if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue;
      diag[u] += wt;
      const q = yy * w + xx;
      if (slot[q] >= 0) {
        col[nnz] = slot[q];
        colW[nnz++] = wt;
      } else {
        keptPx[nk] = q;
        keptW[nk++] = wt;
      }
    }
    rowStart[u + 1] = nnz;
    keptStart[u + 1] = nk;
  }
  const apply = (v: Float64Array, res: Float64Array) => {
    for (let u = 0; u < m; u++) {
      let s = diag[u] * v[u];
      for (let t = rowStart[u]; t < rowStart[u + 1]; t++) s -= colW[t] * v[col[t]];
      res[u] = s;
    }
  };
  // Narrow images: a banded Cholesky factor, exact and shared by the channels. Wide ones (where the band
  // would cost more than the sweeps): conjugate gradients.
  let bandwidth = 0;
  for (let u = 0; u < m; u++) for (let t = rowStart[u]; t < rowStart[u + 1]; t++) bandwidth = Math.max(bandwidth, u - col[t]);
  const factor =
    bandwidth <= MAX_BANDWIDTH
      ? bandedCholesky(m, bandwidth, (u, visit) => {
          for (let t = rowStart[u]; t < rowStart[u + 1]; t++) visit(col[t], -colW[t]);
        }, diag)
      : null;
  for (let ch = 0; ch < c; ch++) {
    const rhs = new Float64Array(m);
    for (let u = 0; u < m; u++) {
      for (let t = keptStart[u]; t < keptStart[u + 1]; t++) rhs[u] += keptW[t] * img[keptPx[t] * c + ch];
    }
    const v = factor ? bandedSolve(factor, rhs) : conjugateGradient(apply, rhs, tol);
    for (let u = 0; u < m; u++) out[unknown[u] * c + ch] = v[u] + (rng && noise > 0 ? noise * rng.normal() : 0);
  }
  return out;
}

/** Solves A v = b for symmetric positive definite A given as a product; stops at |r| <= tol |b|. */
function conjugateGradient(
  apply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  tol: number,
  maxIter = 10 * b.length + 100,
): Float64Array {
  const n = b.length;
  const v = new Float64Array(n);
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  const ap = new Float64Array(n);
  let rr = 0;
  for (let i = 0; i < n; i++) rr += r[i] * r[i];
  const stop = tol * tol * Math.max(rr, 1e-300);
  for (let it = 0; it < maxIter && rr > stop; it++) {
    apply(p, ap);
    let pap = 0;
    for (let i = 0; i < n; i++) pap += p[i] * ap[i];
    const alpha = rr / pap;
    let next = 0;
    for (let i = 0; i < n; i++) {
      v[i] += alpha * p[i];
      r[i] -= alpha * ap[i];
      next += r[i] * r[i];
    }
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
  }
  return v;
}

/** Mean and covariance of background rows (n x d), with a small ridge so that every block is invertible. */
export interface Gaussian {
  readonly mean: Float64Array;
  readonly cov: Float64Array;
  readonly d: number;
  /** The precision matrix cov^-1, computed on first use (imputeGaussian, when it is the smaller solve). */
  precision?: Float64Array;
}

export function fitGaussian(data: Float32Array, d: number, ridge = 1e-6): Gaussian {
  const n = data.length / d;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j] / n;
  const cov = new Float64Array(d * d);
  const c = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) c[j] = data[i * d + j] - mean[j];
    for (let j = 0; j < d; j++) {
      const dj = c[j] / Math.max(1, n - 1);
      if (dj === 0) continue;
      const row = j * d;
      for (let k = j; k < d; k++) cov[row + k] += dj * c[k];
    }
  }
  let trace = 0;
  for (let j = 0; j < d; j++) trace += cov[j * d + j];
  for (let j = 0; j < d; j++) {
    cov[j * d + j] += ridge * Math.max(trace / d, 1e-12);
    for (let k = 0; k < j; k++) cov[j * d + k] = cov[k * d + j];
  }
  return { mean, cov, d };
}

/** Gaussians fitted per background array: ROAD scores every explainer of a task on the same data. */
const fitted = new WeakMap<Float32Array, Map<number, Gaussian>>();

/** fitGaussian(data, d), computed once per background array and width. */
export function backgroundGaussian(data: Float32Array, d: number): Gaussian {
  let byWidth = fitted.get(data);
  if (!byWidth) fitted.set(data, (byWidth = new Map()));
  let g = byWidth.get(d);
  if (!g) byWidth.set(d, (g = fitGaussian(data, d)));
  return g;
}

/** Cholesky factor (lower, row-major) of the symmetric matrix m[idx, idx]; tiny pivots are clamped. */
function choleskyOf(m: Float64Array, d: number, idx: readonly number[]): Float64Array {
  const n = idx.length;
  const l = new Float64Array(n * n);
  for (let s = 0; s < n; s++) {
    const rs = s * n;
    for (let t = 0; t <= s; t++) {
      const rt = t * n;
      let sum = m[idx[s] * d + idx[t]];
      for (let u = 0; u < t; u++) sum -= l[rs + u] * l[rt + u];
      l[rs + t] = s === t ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[rt + t];
    }
  }
  return l;
}

function precisionOf(g: Gaussian): Float64Array {
  if (g.precision) return g.precision;
  const d = g.d;
  const all = Array.from({ length: d }, (_, j) => j);
  const l = choleskyOf(g.cov, d, all);
  const p = new Float64Array(d * d);
  const col = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySubstitute(l, col, d);
    for (let k = 0; k < d; k++) p[k * d + j] = col[k];
  }
  g.precision = p;
  return p;
}

/**
 * x with the removed features replaced by E[x_R | x_K], plus N(0, noise^2) on each imputed feature.
 * The conditional mean has two equal forms, mu_R + S_RK S_KK^-1 (x_K - mu_K) and, with the precision
 * P = S^-1, mu_R - P_RR^-1 P_RK (x_K - mu_K); the solve is cubic in the block's size, so the smaller of
 * K and R is solved (on 784 pixels, ROAD's nine removal levels then cost a sixth of always solving K).
 */
export function imputeGaussian(x: ArrayLike<number>, removed: Uint8Array, g: Gaussian, noise: number, rng: Rng | null): Float32Array {
  const d = g.d;
  const out = Float32Array.from(x);
  const kept: number[] = [];
  const gone: number[] = [];
  for (let j = 0; j < d; j++) (removed[j] ? gone : kept).push(j);
  if (gone.length === 0) return out;
  const nk = kept.length;
  const values = new Float64Array(gone.length);
  if (nk <= gone.length) {
    // Solve S_KK z = x_K - mu_K.
    const l = choleskyOf(g.cov, d, kept);
    const z = Float64Array.from(kept, (k) => x[k] - g.mean[k]);
    choleskySubstitute(l, z, nk);
    gone.forEach((r, i) => {
      let v = g.mean[r];
      const row = r * d;
      for (let s = 0; s < nk; s++) v += g.cov[row + kept[s]] * z[s];
      values[i] = v;
    });
  } else {
    // Solve P_RR w = P_RK (x_K - mu_K).
    const p = precisionOf(g);
    const dx = Float64Array.from(kept, (k) => x[k] - g.mean[k]);
    const w = Float64Array.from(gone, (r) => {
      let v = 0;
      const row = r * d;
      for (let s = 0; s < nk; s++) v += p[row + kept[s]] * dx[s];
      return v;
    });
    choleskySubstitute(choleskyOf(p, d, gone), w, gone.length);
    gone.forEach((r, i) => (values[i] = g.mean[r] - w[i]));
  }
  gone.forEach((r, i) => (out[r] = values[i] + (rng && noise > 0 ? noise * rng.normal() : 0)));
  return out;
}
