/**
 * Wilcoxon signed-rank test (two-sided). Zero differences are dropped (Wilcoxon's convention), |d|
 * is ranked with midranks, W+ is the rank sum of positive differences. Exact null distribution by
 * dynamic programming when there are no ties and n <= exactUpTo; otherwise the normal approximation
 * with the tie correction of the variance and a continuity correction. simple-statistics has only
 * the rank-sum (two-sample) statistic and no p-values, hence this file.
 */
import { normalTwoSidedP } from '../../numeric/normal-distribution.js';

export interface WilcoxonResult {
  readonly wPlus: number;
  /** Non-zero differences. */
  readonly n: number;
  readonly zeros: number;
  readonly p: number;
  readonly method: 'exact' | 'normal';
  /** The z statistic of the normal approximation (null when exact). */
  readonly z: number | null;
}

/** Midranks of values (1-based). */
function midranks(x: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(x.length);
  const tieSizes: number[] = [];
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) ranks[order[t][1]] = r;
    if (j > i) tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}

/** P(W+ = w) for w = 0..n(n+1)/2 under H0 with ranks 1..n (no ties). */
function exactDistribution(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  let dist = new Float64Array(max + 1);
  dist[0] = 1;
  for (let r = 1; r <= n; r++) {
    const next = new Float64Array(max + 1);
    for (let w = 0; w <= max; w++) {
      if (dist[w] === 0) continue;
      next[w] += dist[w] / 2;
      next[w + r] += dist[w] / 2;
    }
    dist = next;
  }
  return dist;
}

export function wilcoxonSignedRank(d: readonly number[], exactUpTo = 50): WilcoxonResult {
  const nz = d.filter((x) => x !== 0);
  const zeros = d.length - nz.length;
  const n = nz.length;
  if (n === 0) return { wPlus: 0, n: 0, zeros, p: 1, method: 'exact', z: null };
  const { ranks, tieSizes } = midranks(nz.map(Math.abs));
  const wPlus = ranks.reduce((s, r, i) => s + (nz[i] > 0 ? r : 0), 0);
  if (tieSizes.length === 0 && n <= exactUpTo) {
    const dist = exactDistribution(n);
    let upper = 0;
    let lower = 0;
    for (let w = 0; w < dist.length; w++) {
      if (w >= wPlus) upper += dist[w];
      if (w <= wPlus) lower += dist[w];
    }
    return { wPlus, n, zeros, p: Math.min(1, 2 * Math.min(upper, lower)), method: 'exact', z: null };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSizes.reduce((s, t) => s + (t ** 3 - t), 0) / 48;
  const diff = wPlus - mean;
  const z = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
  return { wPlus, n, zeros, p: normalTwoSidedP(z), method: 'normal', z };
}
