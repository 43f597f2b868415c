/**
 * Standardisation with training statistics: model input = (raw - mean) / std. A feature that is
 * (nearly) constant in training gets std floored at MIN_STD so it maps to ~0 instead of blowing up.
 */
import type { FeatureScale } from './task.js';

const MIN_STD = 1e-6;

/** Column means and population standard deviations of an n x d row-major matrix. */
export function fitScale(x: Float32Array, n: number, d: number): FeatureScale {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = x[i * d + j] - mean[j];
      sq[j] += t * t;
    }
  }
  const std = new Float32Array(d);
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(sq[j] / n);
    // Relative floor too: a column like area (~1000) with float noise-level spread is still constant.
    std[j] = Math.max(s, MIN_STD, Math.abs(mean[j]) * 1e-6);
  }
  return { mean: Float32Array.from(mean), std };
}

export function applyScale(x: Float32Array, scale: FeatureScale): Float32Array {
  const d = scale.mean.length;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - scale.mean[i % d]) / scale.std[i % d];
  return out;
}

/** Back to original units: raw = input * std + mean. */
export function invertScale(x: ArrayLike<number>, scale: FeatureScale): Float32Array {
  const d = scale.mean.length;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * scale.std[i % d] + scale.mean[i % d];
  return out;
}
