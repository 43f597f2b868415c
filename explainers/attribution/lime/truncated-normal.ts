/**
 * Draws from a normal(mean, std) truncated to [lo, hi], as scipy.stats.truncnorm.rvs does for LIME's
 * undiscretisation, by inverting the CDF. Bounds above the mean are mirrored to the lower tail, where
 * the CDF keeps its relative precision.
 */
import type { Rng } from '../../../core/rng.js';
import { normalCdf, normalQuantile } from '../../../numeric/normal-distribution.js';

/**
 * One truncated normal prepared for many draws: the CDF at its (mirrored) standardised bounds depends
 * only on the distribution, so it is computed once instead of twice per draw. draw() gives exactly
 * what truncatedNormal(mean, std, lo, hi, rng) gives.
 */
class TruncatedNormalSampler {
  private readonly a: number;
  private readonly b: number;
  /** -1 where the bounds were mirrored to the lower tail (x -> -x is exact, as is x * -1). */
  private readonly sign: number;
  private readonly pa: number;
  private readonly span: number;

  constructor(
    private readonly mean: number,
    private readonly std: number,
    lo: number,
    hi: number,
  ) {
    let a = (lo - mean) / std;
    let b = (hi - mean) / std;
    // truncatedStandardNormal mirrors (a, b) -> (-b, -a) while a > 0 (at most once: then -b < 0).
    this.sign = a > 0 ? -1 : 1;
    if (a > 0) [a, b] = [-b, -a];
    this.a = a;
    this.b = b;
    this.pa = normalCdf(a);
    this.span = normalCdf(b) - this.pa;
  }

  draw(rng: Rng): number {
    return this.mean + this.std * (this.sign * Math.min(this.b, Math.max(this.a, normalQuantile(this.pa + rng.next() * this.span))));
  }
}

export function truncatedNormalSampler(mean: number, std: number, lo: number, hi: number): TruncatedNormalSampler {
  return new TruncatedNormalSampler(mean, std, lo, hi);
}

/** A standard normal truncated to [a, b] (a < b). */
function truncatedStandardNormal(a: number, b: number, rng: Rng): number {
  if (a > 0) return -truncatedStandardNormal(-b, -a, rng);
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  const x = normalQuantile(pa + rng.next() * (pb - pa));
  return Math.min(b, Math.max(a, x));
}

export function truncatedNormal(mean: number, std: number, lo: number, hi: number, rng: Rng): number {
  return mean + std * truncatedStandardNormal((lo - mean) / std, (hi - mean) / std, rng);
}
