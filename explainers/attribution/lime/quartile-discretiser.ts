/**
 * LIME's QuartileDiscretizer (lime/discretize.py): per feature, the 25/50/75th percentiles of the
 * training column (numpy's linear interpolation), de-duplicated; bin = searchsorted(qts, v, 'left'), so
 * v <= q0 -> 0, q0 < v <= q1 -> 1, ...; and per bin the training mean, population std (+1e-11), and the
 * bounds [col_min, q0, q1, q2] / [q0, q1, q2, col_max] that sampling truncates to. Bin frequencies
 * (only bins that occur in training) drive LIME's tabular sampling.
 */

export interface FeatureBins {
  /** Sorted distinct quartiles. */
  readonly quartiles: Float64Array;
  /** Per bin (quartiles.length + 1 bins). */
  readonly means: Float64Array;
  readonly stds: Float64Array;
  readonly mins: Float64Array;
  readonly maxs: Float64Array;
  /** Bins that occur in the training column, ascending, and their relative frequencies. */
  readonly values: Int32Array;
  readonly frequencies: Float64Array;
}

/** numpy.percentile(column, q) with the default linear interpolation; `sorted` must be ascending. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of an empty column');
  const pos = ((n - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const frac = pos - lo;
  // numpy's _lerp: a + (b - a) * t, switched to b - (b - a) * (1 - t) for t >= 0.5.
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return frac >= 0.5 ? b - diff * (1 - frac) : a + diff * frac;
}

/** searchsorted(qts, v, side='left'): the number of quartiles strictly below v. */
export function binOf(quartiles: ArrayLike<number>, v: number): number {
  let k = 0;
  while (k < quartiles.length && quartiles[k] < v) k++;
  return k;
}

export function quartileBins(column: ArrayLike<number>): FeatureBins {
  const sorted = Float64Array.from(column).sort();
  const qs = [25, 50, 75].map((q) => percentile(sorted, q));
  const quartiles = Float64Array.from(new Set(qs)).sort();
  const nb = quartiles.length + 1;
  const sum = new Float64Array(nb);
  const count = new Float64Array(nb);
  const bins = Int32Array.from(column, (v) => binOf(quartiles, v));
  for (let i = 0; i < column.length; i++) {
    sum[bins[i]] += column[i];
    count[bins[i]]++;
  }
  const means = Float64Array.from(sum, (s, b) => (count[b] === 0 ? 0 : s / count[b]));
  const sq = new Float64Array(nb);
  for (let i = 0; i < column.length; i++) sq[bins[i]] += (column[i] - means[bins[i]]) ** 2;
  const stds = Float64Array.from(sq, (s, b) => (count[b] === 0 ? 0 : Math.sqrt(s / count[b])) + 1e-11);
  const mins = Float64Array.from([sorted[0], ...quartiles]);
  const maxs = Float64Array.from([...quartiles, sorted[sorted.length - 1]]);
  const values: number[] = [];
  const freqs: number[] = [];
  for (let b = 0; b < nb; b++) {
    if (count[b] === 0) continue;
    values.push(b);
    freqs.push(count[b] / column.length);
  }
  return { quartiles, means, stds, mins, maxs, values: Int32Array.from(values), frequencies: Float64Array.from(freqs) };
}

/** The reference's bin names, '%.2f' formatted: 'f <= q0', 'q0 < f <= q1', ..., 'f > q2'. */
export function binNames(name: string, quartiles: ArrayLike<number>): string[] {
  const f = (v: number) => v.toFixed(2);
  const n = quartiles.length;
  const names = [`${name} <= ${f(quartiles[0])}`];
  for (let i = 0; i < n - 1; i++) names.push(`${f(quartiles[i])} < ${name} <= ${f(quartiles[i + 1])}`);
  names.push(`${name} > ${f(quartiles[n - 1])}`);
  return names;
}
