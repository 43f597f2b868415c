/**
 * Seeded bootstrap intervals over a resampling unit (items, raters, groups, users): percentile and
 * BCa (Efron 1987). The caller chooses the unit by what it passes as `units`; a cluster bootstrap
 * passes clusters (e.g. a group with all its respondents) and a statistic that pools them.
 * Randomness comes from rngFor(seed, ...stream) through simple-statistics' sampleWithReplacement.
 * Quantiles are R type 7 (simple-statistics quantileSorted, >= 7.8.9).
 */
import { quantileSorted, sampleWithReplacement } from 'simple-statistics';
import { rngFor, type StreamKey } from '../../core/rng.js';
import { normalCdf, normalQuantile } from '../../numeric/normal-distribution.js';

export type CiMethod = 'percentile' | 'bca';

export interface BootstrapOptions {
  readonly seed: number;
  /** Names the random stream; the same key gives the same resamples. */
  readonly stream: readonly StreamKey[];
  readonly resamples?: number;
  readonly level?: number;
  readonly method?: CiMethod;
}

export interface BootstrapInterval {
  readonly estimate: number;
  /** null when there are fewer than 2 units. */
  readonly ci: readonly [number, number] | null;
  readonly method: CiMethod;
  readonly resamples: number;
  readonly units: number;
  /** BCa's bias correction and acceleration (0 and 0 for percentile). */
  readonly z0: number;
  readonly acceleration: number;
}

const DEFAULT_HUMAN_RESAMPLES = 2000;

/**
 * Bias correction z0 = Φ⁻¹(share of bootstrap values below the estimate), counting ties with the
 * estimate as half (the convention for discrete statistics such as proportions). The share is kept
 * inside [1/(2B), 1 - 1/(2B)] so z0 stays finite.
 */
export function biasCorrection(bootValues: ArrayLike<number>, estimate: number): number {
  const B = bootValues.length;
  let below = 0;
  let ties = 0;
  for (let i = 0; i < B; i++) {
    if (bootValues[i] < estimate) below++;
    else if (bootValues[i] === estimate) ties++;
  }
  const share = Math.min(1 - 1 / (2 * B), Math.max(1 / (2 * B), (below + ties / 2) / B));
  return normalQuantile(share);
}

/** Acceleration from jackknife (leave-one-unit-out) values: Σ(θ̄ − θ_i)³ / (6 (Σ(θ̄ − θ_i)²)^{3/2}); 0 if they are all equal. */
export function jackknifeAcceleration(jack: readonly number[]): number {
  const m = jack.reduce((s, x) => s + x, 0) / jack.length;
  let s2 = 0;
  let s3 = 0;
  for (const t of jack) {
    s2 += (m - t) ** 2;
    s3 += (m - t) ** 3;
  }
  return s2 === 0 ? 0 : s3 / (6 * s2 ** 1.5);
}

/** The BCa-adjusted quantile levels (α1, α2) for a central interval of level 1 − 2·tail. */
export function bcaLevels(z0: number, a: number, level = 0.95): [number, number] {
  const adj = (z: number) => normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  const zl = normalQuantile((1 - level) / 2);
  const zu = normalQuantile((1 + level) / 2);
  return [adj(zl), adj(zu)];
}

export function bootstrapInterval<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  opts: BootstrapOptions,
): BootstrapInterval {
  const B = opts.resamples ?? DEFAULT_HUMAN_RESAMPLES;
  const level = opts.level ?? 0.95;
  const method = opts.method ?? 'bca';
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrap resamples must be a positive integer, got ${B}`);
  if (units.length === 0) throw new RangeError('bootstrap of no units');
  const estimate = statistic(units);
  if (units.length < 2) return { estimate, ci: null, method, resamples: B, units: units.length, z0: 0, acceleration: 0 };
  const rng = rngFor(opts.seed, ...opts.stream);
  const source = () => rng.next();
  const boot = new Float64Array(B);
  for (let b = 0; b < B; b++) boot[b] = statistic(sampleWithReplacement(units as T[], units.length, source));
  boot.sort();
  const sorted = Array.from(boot);
  let lo = (1 - level) / 2;
  let hi = (1 + level) / 2;
  let z0 = 0;
  let acceleration = 0;
  if (method === 'bca') {
    z0 = biasCorrection(boot, estimate);
    const jack = units.map((_, i) => statistic(units.filter((__, j) => j !== i)));
    acceleration = jackknifeAcceleration(jack);
    [lo, hi] = bcaLevels(z0, acceleration, level);
  }
  const ci: [number, number] = [quantileSorted(sorted, lo), quantileSorted(sorted, hi)];
  return { estimate, ci, method, resamples: B, units: units.length, z0, acceleration };
}

/** The mean of numbers (a common statistic). */
export function meanOf(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}
