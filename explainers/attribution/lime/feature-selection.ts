/**
 * LIME's feature selection before the final surrogate (lime_base.py, LimeBase.feature_selection), with
 * the reference's tie-breaks: 'forward' keeps the first best feature (strict >), 'highest_weights' sorts
 * stably by |coef * x0| (x0 = the explained instance's row, row 0), and 'lasso_path' walks the LARS
 * path from its least-regularised end back to the first knot with at most K non-zeros (never knot 0).
 */
import { type Matrix, matrix } from '../../../numeric/linalg.js';
import { larsLassoPath } from './lars-lasso.js';
import { type WeightedMoments, weightedMoments } from './weighted-moments.js';
import { predictLinear, weightedR2, weightedRidge } from './weighted-ridge.js';

export const FEATURE_SELECTIONS = ['auto', 'forward', 'highest_weights', 'lasso_path', 'none'] as const;
export type FeatureSelection = (typeof FEATURE_SELECTIONS)[number];

/** Greedy forward selection by the weighted R^2 of unregularised weighted least squares (alpha 0). */
function forwardSelection(
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  k: number,
  moments = weightedMoments(x, y, w),
): number[] {
  const used: number[] = [];
  for (let step = 0; step < Math.min(k, x.cols); step++) {
    let best = 0;
    let bestScore = -100000000;
    for (let f = 0; f < x.cols; f++) {
      if (used.includes(f)) continue;
      const cols = [...used, f];
      const fit = weightedRidge(x, y, w, 0, cols, moments);
      const score = weightedR2(y, predictLinear(fit, x, cols), w);
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    used.push(best);
  }
  return used;
}

/** The K features with the largest |coef_j * x0_j| under weighted ridge with alpha 0.01. */
function highestWeights(
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  k: number,
  moments = weightedMoments(x, y, w),
): number[] {
  const { coef } = weightedRidge(x, y, w, 0.01, undefined, moments);
  const order = Array.from({ length: x.cols }, (_, j) => j);
  const score = order.map((j) => Math.abs(coef[j] * x.data[j]));
  order.sort((a, b) => score[b] - score[a]); // Array.prototype.sort is stable, as Python's sorted
  return order.slice(0, k);
}

/** Features on the weighted-centred Lasso path with at most K non-zeros, ascending. */
function lassoPathSelection(x: Matrix, y: ArrayLike<number>, w: ArrayLike<number>, k: number): number[] {
  const n = x.rows;
  const p = x.cols;
  let sw = 0;
  let ybar = 0;
  const xbar = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    sw += w[i];
    ybar += w[i] * y[i];
    for (let j = 0; j < p; j++) xbar[j] += w[i] * x.data[i * p + j];
  }
  ybar /= sw;
  for (let j = 0; j < p; j++) xbar[j] /= sw;
  const xs = matrix(n, p);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(w[i]);
    for (let j = 0; j < p; j++) xs.data[i * p + j] = (x.data[i * p + j] - xbar[j]) * s;
    ys[i] = (y[i] - ybar) * s;
  }
  const { coefs } = larsLassoPath(xs, ys);
  const nonzero = (c: Float64Array) => Array.from({ length: p }, (_, j) => j).filter((j) => c[j] !== 0);
  let chosen = Array.from({ length: p }, (_, j) => j);
  for (let i = coefs.length - 1; i > 0; i--) {
    chosen = nonzero(coefs[i]);
    if (chosen.length <= k) break;
  }
  return chosen;
}

/** `moments` (of x, y, w): shared with the caller's final fit so the data are passed over once. */
export function selectFeatures(
  method: FeatureSelection,
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  k: number,
  moments: WeightedMoments = weightedMoments(x, y, w),
): number[] {
  switch (method) {
    case 'none':
      return Array.from({ length: x.cols }, (_, j) => j);
    case 'forward':
      return forwardSelection(x, y, w, k, moments);
    case 'highest_weights':
      return highestWeights(x, y, w, k, moments);
    case 'lasso_path':
      return lassoPathSelection(x, y, w, k);
    case 'auto':
      return k <= 6 ? forwardSelection(x, y, w, k, moments) : highestWeights(x, y, w, k, moments);
  }
}
