/**
 * The trade-off map's headline, computed, not written by hand: per task, Spearman's rho
 * between the two plotted metrics over the explainers with a mean on both; over tasks, the median rho
 * over data sets (a task's training-seed replicates averaged first) with a seeded percentile-bootstrap
 * 95% interval (data sets resampled with replacement).
 *
 * Each metric's means are first oriented so that higher is better (negated for direction 'lower'), so a
 * positive rho means "better on x went with better on y". The wording rule (readRelation) then reads the
 * interval of the median:
 *   above 0 -> 'aligned'   (explainers better on one metric were also better on the other: no trade-off)
 *   below 0 -> 'trade-off' (better on one went with worse on the other)
 *   contains 0 -> 'unclear'
 *   fewer than MIN_TASKS tasks with a defined rho (no interval) -> 'too-few'
 * A descriptive metric has no better side and keeps its raw values.
 * Self-contained: the site never runs harness code, so the generator and quantiles are small copies of
 * well-known ones (mulberry32; quantiles by linear interpolation, R type 7, as numeric/quantile.ts).
 */
import { percentileInterval, quantileSorted } from './quantile.js';

/** Tasks needed before the interval says anything. */
const MIN_TASKS = 3;
export const RESAMPLES = 2000;
const CONFIDENCE = 0.95;

/** Average ranks (1-based; ties share the mean of their positions). */
export function averageRanks(v: readonly number[]): number[] {
  const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rho (Pearson correlation of average ranks); null below 3 pairs or when a side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length || x.length < 3) return null;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (x.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** mulberry32: a small seeded 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(v: readonly number[]): number {
  return quantileSorted(
    [...v].sort((a, b) => a - b),
    0.5,
  );
}

/** Median of `values` with its percentile-bootstrap interval (null interval below MIN_TASKS values). */
export function medianWithInterval(
  values: readonly number[],
  seed: number,
  resamples = RESAMPLES,
): { median: number; ci: [number, number] | null } | null {
  if (values.length === 0) return null;
  const m = median(values);
  if (values.length < MIN_TASKS) return { median: m, ci: null };
  const rng = mulberry32(seed);
  const meds: number[] = [];
  const draw = new Array<number>(values.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < values.length; i++) draw[i] = values[Math.floor(rng() * values.length)];
    meds.push(median(draw));
  }
  return { median: m, ci: percentileInterval(meds, CONFIDENCE) };
}

export type Relation = 'aligned' | 'trade-off' | 'unclear' | 'too-few';

/** A metric's means oriented so that higher is better (negated for direction 'lower'). */
export function oriented(v: readonly number[], direction: string): number[] {
  return direction === 'lower' ? v.map((x) => -x) : [...v];
}

/** The wording rule above, from the interval of the median oriented rho. */
export function readRelation(ci: readonly [number, number] | null): Relation {
  if (!ci) return 'too-few';
  return ci[0] > 0 ? 'aligned' : ci[1] < 0 ? 'trade-off' : 'unclear';
}

export interface PairSummary {
  readonly x: string;
  readonly y: string;
  /** Tasks with a defined rho, and their rho (on oriented means). */
  readonly perTask: readonly { readonly task: string; readonly rho: number }[];
  /** Data sets (a task and its training-seed replicates): the mean rho of their tasks. */
  readonly perDataset: readonly { readonly dataset: string; readonly rho: number }[];
  readonly median: number | null;
  readonly ci: [number, number] | null;
  readonly relation: Relation;
}

/** Mean rho per data set, so a model trained with three seeds counts once (as in the leaderboard's groups). */
function byDataset(
  perTask: readonly { task: string; rho: number }[],
  datasetOf: (task: string) => string,
): { dataset: string; rho: number }[] {
  const groups = new Map<string, number[]>();
  for (const p of perTask) groups.set(datasetOf(p.task), [...(groups.get(datasetOf(p.task)) ?? []), p.rho]);
  return [...groups].map(([dataset, rs]) => ({ dataset, rho: rs.reduce((a, b) => a + b, 0) / rs.length }));
}

/**
 * One headline per plotted metric pair, from each chart's (task, x, y, rho): the median over data sets
 * (`datasetOf` maps a task to its data set; identity when there are no seed replicates).
 */
export function summarisePairs(
  charts: readonly { task: string; x: string; y: string; rho: number | null }[],
  seed: number,
  datasetOf: (task: string) => string = (t) => t,
): PairSummary[] {
  const pairs = new Map<string, (typeof charts)[number][]>();
  for (const c of charts) pairs.set(`${c.x}\u0000${c.y}`, [...(pairs.get(`${c.x}\u0000${c.y}`) ?? []), c]);
  return [...pairs.values()].map((cs) => {
    const perTask = cs.flatMap((c) => (c.rho === null ? [] : [{ task: c.task, rho: c.rho }]));
    const perDataset = byDataset(perTask, datasetOf);
    const m = medianWithInterval(
      perDataset.map((p) => p.rho),
      seed,
    );
    return {
      x: cs[0].x,
      y: cs[0].y,
      perTask,
      perDataset,
      median: m?.median ?? null,
      ci: m?.ci ?? null,
      relation: readRelation(m?.ci ?? null),
    };
  });
}
