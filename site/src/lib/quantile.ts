/**
 * Sample quantiles for the site's intervals (the site imports no benchmark code; the benchmark's own
 * are in numeric/quantile.ts): linear interpolation between order statistics (R type 7).
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The central `level` percentile interval of `values` (sorted in place). */
export function percentileInterval(values: number[], level: number): [number, number] {
  values.sort((a, b) => a - b);
  return [quantileSorted(values, (1 - level) / 2), quantileSorted(values, (1 + level) / 2)];
}
