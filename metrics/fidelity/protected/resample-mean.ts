/**
 * Percentile bootstrap intervals (Efron & Tibshirani 1993, ch. 13) for the protected-attribute
 * evidence: a mean over rows, and any statistic of two independent samples resampled each on its own.
 * Randomness from rngFor(seed, ...stream), so the same key gives the same interval.
 */
import { rngFor, type StreamKey } from '../../../core/rng.js';
import { percentileInterval } from '../../../numeric/quantile.js';

export interface Interval {
  readonly estimate: number;
  /** 95% percentile interval; null with fewer than 2 values. */
  readonly ci: readonly [number, number] | null;
}

export interface ResampleOptions {
  readonly seed: number;
  readonly stream: readonly StreamKey[];
  readonly resamples?: number;
}

const RESAMPLES = 1000;
const LEVEL = 0.95;

function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}

function resample(v: readonly number[] | Float64Array, draw: () => number): Float64Array {
  return Float64Array.from({ length: v.length }, () => v[draw()]);
}

/** The mean of `values` with a bootstrap interval over them. */
export function meanInterval(values: readonly number[] | Float64Array, opts: ResampleOptions): Interval {
  if (values.length === 0) throw new RangeError('meanInterval: no values');
  const estimate = mean(values);
  if (values.length < 2) return { estimate, ci: null };
  const rng = rngFor(opts.seed, ...opts.stream);
  const b = opts.resamples ?? RESAMPLES;
  const boot = Float64Array.from({ length: b }, () => mean(resample(values, () => rng.int(values.length))));
  return { estimate, ci: percentileInterval(boot, LEVEL) };
}

/**
 * A statistic of several independent samples (groups), each resampled within itself, so every
 * resample keeps the groups' sizes (a stratified bootstrap).
 */
export function groupsInterval(
  groups: readonly (readonly number[])[],
  statistic: (groups: readonly Float64Array[]) => number,
  opts: ResampleOptions,
): Interval {
  const estimate = statistic(groups.map((g) => Float64Array.from(g)));
  if (groups.some((g) => g.length < 2)) return { estimate, ci: null };
  const rng = rngFor(opts.seed, ...opts.stream);
  const b = opts.resamples ?? RESAMPLES;
  const boot = Float64Array.from({ length: b }, () => statistic(groups.map((g) => resample(g as number[], () => rng.int(g.length)))));
  return { estimate, ci: percentileInterval(boot, LEVEL) };
}

export { mean as meanOf };
