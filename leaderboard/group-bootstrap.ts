/**
 * Criterion scores of one comparison group, as a point estimate and as bootstrap replicates. A
 * replicate resamples each task's sample ids with replacement (one draw per task, applied to every
 * metric and explainer of that task, so explainers stay paired as in stats/bootstrap.ts), recomputes
 * every metric mean, re-ranks the explainers, and rebuilds the scores exactly as the point estimate
 * is built: rank r among k scores (k - r)/(k - 1) per metric; the mean over a criterion's metrics per
 * task; the mean over a data set's seed replicates; the mean over data sets. The spread of the
 * replicates is the uncertainty of the aggregate that comes from which inputs were drawn.
 */
import type { Direction } from '../metrics/types.js';
import type { Rng } from '../core/rng.js';
import { groupBootstrapStream } from '../core/streams.js';

export interface MetricColumns {
  /** Index into GroupInput.criteria. */
  readonly criterion: number;
  readonly direction: Exclude<Direction, 'descriptive'>;
  /** Per explainer of GroupInput.explainers, values aligned to the task's ids; NaN = none (or not ranked). */
  readonly values: readonly (Float64Array | null)[];
}

export interface TaskColumns {
  readonly task: string;
  /** Sample ids of the task (the union over its metrics). */
  readonly ids: number;
  readonly metrics: readonly MetricColumns[];
}

export interface GroupInput {
  readonly explainers: readonly string[];
  readonly criteria: readonly string[];
  /** Data sets, each with its tasks (a base task and its seed replicates). */
  readonly datasets: readonly (readonly TaskColumns[])[];
}

export interface GroupScores {
  /** E x C criterion scores over data sets (NaN = none). */
  readonly point: Float64Array;
  /** Per data set, per task: E x C criterion scores of that task alone (seed stability reads them). */
  readonly perTask: readonly (readonly Float64Array[])[];
  /** B x E x C replicate scores (NaN = none). */
  readonly replicates: Float64Array;
  readonly resamples: number;
}

/** Rank scores of one metric into `out` (length E); false when fewer than 2 explainers have a mean. */
function metricRankScores(m: MetricColumns, counts: Uint32Array | null, out: Float64Array): boolean {
  const means = out;
  let k = 0;
  for (let e = 0; e < m.values.length; e++) {
    const v = m.values[e];
    let s = 0;
    let w = 0;
    if (v) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== x) continue; // NaN: no value
        const c = counts ? counts[i] : 1;
        s += c * x;
        w += c;
      }
    }
    means[e] = w > 0 ? s / w : NaN;
    if (w > 0) k++;
  }
  if (k < 2) return false;
  const higher = m.direction === 'higher';
  const ranks = new Float64Array(means.length);
  for (let e = 0; e < means.length; e++) {
    if (means[e] !== means[e]) continue;
    let better = 0;
    for (let o = 0; o < means.length; o++) if (means[o] === means[o] && (higher ? means[o] > means[e] : means[o] < means[e])) better++;
    ranks[e] = 1 + better;
  }
  for (let e = 0; e < means.length; e++) out[e] = means[e] === means[e] ? (k - ranks[e]) / (k - 1) : NaN;
  return true;
}

/** E x C criterion scores of one task under `counts` (null = every sample once). */
function taskScores(t: TaskColumns, E: number, C: number, counts: Uint32Array | null): Float64Array {
  const sum = new Float64Array(E * C);
  const num = new Uint32Array(E * C);
  const tmp = new Float64Array(E);
  for (const m of t.metrics) {
    if (!metricRankScores(m, counts, tmp)) continue;
    for (let e = 0; e < E; e++) {
      if (tmp[e] !== tmp[e]) continue;
      sum[e * C + m.criterion] += tmp[e];
      num[e * C + m.criterion]++;
    }
  }
  for (let j = 0; j < sum.length; j++) sum[j] = num[j] ? sum[j] / num[j] : NaN;
  return sum;
}

/** Mean over the non-NaN entries of `parts`, slot by slot, into `out`. */
function meanInto(parts: readonly Float64Array[], out: Float64Array): void {
  for (let j = 0; j < out.length; j++) {
    let s = 0;
    let n = 0;
    for (const p of parts) {
      if (p[j] === p[j]) {
        s += p[j];
        n++;
      }
    }
    out[j] = n ? s / n : NaN;
  }
}

/** Data-set scores (mean over seed replicates), then the mean over data sets. */
function combine(perTask: readonly (readonly Float64Array[])[], size: number, out: Float64Array): void {
  const perDataset = perTask.map((tasks) => {
    const d = new Float64Array(size);
    meanInto(tasks, d);
    return d;
  });
  meanInto(perDataset, out);
}

function drawCounts(rng: Rng, n: number, counts: Uint32Array): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * n)]++;
}

/** Point scores and `resamples` replicates of a group; streams groupBootstrapStream (core/streams.ts). */
export function groupScores(input: GroupInput, group: string, seed: number, resamples: number): GroupScores {
  const E = input.explainers.length;
  const C = input.criteria.length;
  const size = E * C;
  const perTask = input.datasets.map((tasks) => tasks.map((t) => taskScores(t, E, C, null)));
  const point = new Float64Array(size);
  combine(perTask, size, point);
  const replicates = new Float64Array(resamples * size);
  const streams = input.datasets.map((tasks) =>
    tasks.map((t) => ({ rng: groupBootstrapStream(seed, group, t.task), counts: new Uint32Array(t.ids) })),
  );
  for (let b = 0; b < resamples; b++) {
    const rep = input.datasets.map((tasks, d) =>
      tasks.map((t, i) => {
        const s = streams[d][i];
        drawCounts(s.rng, t.ids, s.counts);
        return taskScores(t, E, C, s.counts);
      }),
    );
    combine(rep, size, replicates.subarray(b * size, (b + 1) * size));
  }
  return { point, perTask, replicates, resamples };
}
