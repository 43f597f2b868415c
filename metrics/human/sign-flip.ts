/**
 * Paired permutation (sign-flip) test of mean difference 0 (Fisher 1935): under H0 each paired
 * difference is equally likely to carry either sign. Exact over all 2^n sign vectors for n up to
 * `exactUpTo`; otherwise Monte Carlo with p = (1 + #{|T*| >= |T|}) / (1 + M) (Phipson & Smyth 2010),
 * so it is never 0. Two-sided, statistic T = sum of differences.
 */
import { rngFor, type StreamKey } from '../../core/rng.js';

export interface SignFlipOptions {
  readonly seed?: number;
  readonly stream?: readonly StreamKey[];
  readonly exactUpTo?: number;
  readonly resamples?: number;
}

export interface SignFlipResult {
  /** Mean paired difference. */
  readonly statistic: number;
  readonly p: number;
  readonly exact: boolean;
  readonly n: number;
  readonly resamples: number;
}

export function signFlipTest(d: readonly number[], opts: SignFlipOptions = {}): SignFlipResult {
  const n = d.length;
  if (n === 0) throw new RangeError('signFlipTest: no paired differences');
  const obs = Math.abs(d.reduce((s, x) => s + x, 0));
  // Sums equal to the observed one up to rounding count as "at least as extreme".
  const tol = 1e-9 * Math.max(1, d.reduce((s, x) => s + Math.abs(x), 0));
  const exactUpTo = opts.exactUpTo ?? 20;
  if (n <= exactUpTo) {
    let count = 0;
    const total = 2 ** n;
    for (let mask = 0; mask < total; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += mask & (1 << i) ? -d[i] : d[i];
      if (Math.abs(s) >= obs - tol) count++;
    }
    return { statistic: d.reduce((s, x) => s + x, 0) / n, p: count / total, exact: true, n, resamples: total };
  }
  const M = opts.resamples ?? 10000;
  const rng = rngFor(opts.seed ?? 0, ...(opts.stream ?? ['sign-flip']));
  let count = 0;
  for (let r = 0; r < M; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rng.next() < 0.5 ? -d[i] : d[i];
    if (Math.abs(s) >= obs - tol) count++;
  }
  return { statistic: d.reduce((s, x) => s + x, 0) / n, p: (1 + count) / (1 + M), exact: false, n, resamples: M };
}
