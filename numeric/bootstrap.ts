/**
 * Paired bootstrap over sample ids (docs/formats.md ("Leaderboard")). For one (task, metric), all explainers
 * were evaluated on the same sample ids, so each resample draws sample indices once and applies them
 * to every explainer: the intervals of differences then reflect only how explainers differ on the
 * same inputs, not which inputs happened to be drawn (Efron & Tibshirani 1993, ch. 16).
 *
 * Nulls (values that could not be computed) are left out of each mean rather than counted as zero:
 * an explainer's mean is over its non-null values, a difference is over samples where both are
 * non-null. With fewer than 2 such samples there is no interval (ci null) and a pair counts as tied,
 * since nothing separates them.
 */
import { rngFor, type StreamKey } from '../core/rng.js';
import { percentileInterval } from './quantile.js';

export const DEFAULT_RESAMPLES = 2000;
export const CONFIDENCE = 0.95;

export interface BootstrapOptions {
  readonly seed: number;
  /** Names the stream, e.g. ['bootstrap', task, metric]; the same key gives the same resamples. */
  readonly stream: readonly StreamKey[];
  readonly resamples?: number;
  readonly confidence?: number;
}

export interface ExplainerSummary {
  readonly mean: number | null;
  readonly ci: [number, number] | null;
  /** Non-null values. */
  readonly n: number;
}

export interface PairSummary {
  readonly a: string;
  readonly b: string;
  /** Mean of (a - b) over samples where both are non-null. */
  readonly meanDifference: number | null;
  readonly ci: [number, number] | null;
  /** Samples where both are non-null. */
  readonly n: number;
  /** True when the interval contains 0, or n < 2. */
  readonly tied: boolean;
}

export interface BootstrapResult {
  readonly explainers: ReadonlyMap<string, ExplainerSummary>;
  /** One per unordered pair, a before b in the input order. */
  readonly pairs: readonly PairSummary[];
}

/** Values with nulls filled by 0, the null positions, and the count of non-null values. */
interface Column {
  readonly x: Float64Array;
  readonly ok: Uint8Array;
  readonly nullIdx: Int32Array;
  readonly n: number;
}

function column(values: readonly (number | null)[]): Column {
  const x = new Float64Array(values.length);
  const ok = new Uint8Array(values.length);
  const nulls: number[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      nulls.push(i);
    } else {
      if (!Number.isFinite(v)) throw new RangeError(`bootstrap: value ${v} at index ${i} is not finite`);
      x[i] = v;
      ok[i] = 1;
    }
  });
  return { x, ok, nullIdx: Int32Array.from(nulls), n: values.length - nulls.length };
}

/**
 * A pair's null bookkeeping. Sums over "both non-null" are computed as the column sums minus
 * corrections over the few null positions, so a resample costs O(nulls) per pair instead of O(m).
 */
interface PairPlan {
  /** a non-null where b is null: removed from a's sum. */
  readonly onlyANonNull: Int32Array;
  /** b non-null where a is null: removed from b's sum. */
  readonly onlyBNonNull: Int32Array;
  /** Positions where either is null: removed from the weight total. */
  readonly eitherNull: Int32Array;
  readonly n: number;
}

function planPair(a: Column, b: Column): PairPlan {
  const onlyA: number[] = [];
  const onlyB: number[] = [];
  const either = new Set<number>([...a.nullIdx, ...b.nullIdx]);
  for (const i of b.nullIdx) if (a.ok[i]) onlyA.push(i);
  for (const i of a.nullIdx) if (b.ok[i]) onlyB.push(i);
  return {
    onlyANonNull: Int32Array.from(onlyA),
    onlyBNonNull: Int32Array.from(onlyB),
    eitherNull: Int32Array.from([...either].sort((p, q) => p - q)),
    n: a.x.length - either.size,
  };
}

function sumAt(w: Uint32Array, idx: Int32Array, x: Float64Array | null): number {
  let s = 0;
  for (let j = 0; j < idx.length; j++) s += x ? w[idx[j]] * x[idx[j]] : w[idx[j]];
  return s;
}

function plainMean(c: Column): number | null {
  if (c.n === 0) return null;
  let s = 0;
  for (let i = 0; i < c.x.length; i++) s += c.x[i];
  return s / c.n;
}

/**
 * The value every non-null entry shares, or null when they differ. A constant column's mean and
 * interval are that value exactly: summing and dividing would leave rounding noise (a "±2.8e-16"
 * half-width on a rule set's fidelity, which is one number for every input).
 */
function constantOf(m: number, ok: (i: number) => boolean, at: (i: number) => number): number | null {
  let v: number | null = null;
  for (let i = 0; i < m; i++) {
    if (!ok(i)) continue;
    const xi = at(i);
    if (v === null) v = xi;
    else if (xi !== v) return null;
  }
  return v;
}

function intervalOf(stats: Float64Array, count: number, level: number): [number, number] | null {
  // Resamples that drew no valid sample have no mean; the interval is over the rest.
  const finite = new Float64Array(count);
  let k = 0;
  for (let r = 0; r < count; r++) if (!Number.isNaN(stats[r])) finite[k++] = stats[r];
  return k === 0 ? null : percentileInterval(finite.subarray(0, k), level);
}

/**
 * `values` maps explainer id to its per-sample values, all aligned to the same sample ids (same
 * length, same order; null where the value is missing or could not be computed).
 */
export function pairedBootstrap(values: ReadonlyMap<string, readonly (number | null)[]>, opts: BootstrapOptions): BootstrapResult {
  const B = opts.resamples ?? DEFAULT_RESAMPLES;
  const level = opts.confidence ?? CONFIDENCE;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrap resamples must be a positive integer, got ${B}`);
  const ids = [...values.keys()];
  const cols = ids.map((id) => column(values.get(id)!));
  const m = cols.length ? cols[0].x.length : 0;
  for (const [i, c] of cols.entries()) {
    if (c.x.length !== m) throw new RangeError(`bootstrap: ${ids[i]} has ${c.x.length} values, expected ${m} (values must be aligned by sample id)`);
  }
  const pairIdx: [number, number][] = [];
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) pairIdx.push([a, b]);
  const plans = pairIdx.map(([a, b]) => planPair(cols[a], cols[b]));

  const colStats = cols.map(() => new Float64Array(B));
  const pairStats = pairIdx.map(() => new Float64Array(B));
  if (m > 0) {
    const rng = rngFor(opts.seed, ...opts.stream);
    const w = new Uint32Array(m);
    const sums = new Float64Array(cols.length);
    for (let r = 0; r < B; r++) {
      // Multiplicities of a resample of m indices with replacement, shared by every explainer.
      w.fill(0);
      for (let j = 0; j < m; j++) w[rng.int(m)]++;
      cols.forEach((c, k) => {
        let s = 0;
        for (let i = 0; i < m; i++) s += w[i] * c.x[i];
        sums[k] = s;
        const count = m - sumAt(w, c.nullIdx, null);
        colStats[k][r] = count === 0 ? NaN : s / count;
      });
      pairIdx.forEach(([a, b], k) => {
        const p = plans[k];
        const count = m - sumAt(w, p.eitherNull, null);
        const sa = sums[a] - sumAt(w, p.onlyANonNull, cols[a].x);
        const sb = sums[b] - sumAt(w, p.onlyBNonNull, cols[b].x);
        pairStats[k][r] = count === 0 ? NaN : (sa - sb) / count;
      });
    }
  }

  const explainers = new Map<string, ExplainerSummary>();
  cols.forEach((c, k) => {
    const v = constantOf(m, (i) => c.ok[i] === 1, (i) => c.x[i]);
    const ci = c.n < 2 ? null : v !== null ? ([v, v] as [number, number]) : intervalOf(colStats[k], B, level);
    explainers.set(ids[k], { mean: v ?? plainMean(c), n: c.n, ci });
  });
  const pairs = pairIdx.map(([a, b], k): PairSummary => {
    const n = plans[k].n;
    let meanDifference: number | null = null;
    if (n > 0) {
      let s = 0;
      for (let i = 0; i < m; i++) if (cols[a].ok[i] && cols[b].ok[i]) s += cols[a].x[i] - cols[b].x[i];
      meanDifference = s / n;
    }
    const both = (i: number) => cols[a].ok[i] === 1 && cols[b].ok[i] === 1;
    const d = n > 0 ? constantOf(m, both, (i) => cols[a].x[i] - cols[b].x[i]) : null;
    if (d !== null) meanDifference = d;
    const ci = n < 2 ? null : d !== null ? ([d, d] as [number, number]) : intervalOf(pairStats[k], B, level);
    const tied = ci === null || (ci[0] <= 0 && ci[1] >= 0);
    return { a: ids[a], b: ids[b], meanDifference, ci, n, tied };
  });
  return { explainers, pairs };
}
