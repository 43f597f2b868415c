/**
 * Spearman rank correlation (the helper; the OpenXAI `rank-correlation` metric lives in
 * rank-correlation-agreement.ts): Pearson correlation of average ranks, so ties share their mean rank
 * as in scipy.stats.spearmanr. Null when either side is constant.
 */
import { pearson } from './pearson.js';

/** 1-based average ranks (ascending); tied values get the mean of the ranks they span. */
export function averageRanks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const idx = Array.from({ length: n }, (_, j) => j).sort((p, q) => v[p] - v[q]);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && v[idx[end + 1]] === v[idx[start]]) end++;
    const mid = (start + end) / 2 + 1;
    for (let r = start; r <= end; r++) ranks[idx[r]] = mid;
    start = end + 1;
  }
  return ranks;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new RangeError(`spearman: lengths differ (${x.length} and ${y.length})`);
  return pearson(averageRanks(x), averageRanks(y));
}
