/**
 * Draws from a normal(mean, std) truncated to [lo, hi], as scipy.stats.truncnorm.rvs does for LIME's
 * undiscretisation, by inverting the CDF. Bounds above the mean are mirrored to the lower tail, where
 * the CDF keeps its relative precision.
 */
import type { Rng } from '../../harness/rng.js';
import { normalCdf, normalQuantile } from './normal-distribution.js';

/** A standard normal truncated to [a, b] (a < b). */
export function truncatedStandardNormal(a: number, b: number, rng: Rng): number {
  if (a > 0) return -truncatedStandardNormal(-b, -a, rng);
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  const x = normalQuantile(pa + rng.next() * (pb - pa));
  return Math.min(b, Math.max(a, x));
}

export function truncatedNormal(mean: number, std: number, lo: number, hi: number, rng: Rng): number {
  return mean + std * truncatedStandardNormal((lo - mean) / std, (hi - mean) / std, rng);
}
