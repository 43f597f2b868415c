/**
 * Paired comparison of a candidate with a baseline, per (task, metric), sample by sample: the change in
 * the metric's better direction, a sign-flip permutation test of it (with a Hoeffding bound above 20
 * samples, see cellP), Holm's correction over all cells,
 * and a verdict. A regression is a change in the worse direction larger than the metric's tolerance
 * that the corrected test supports; an improvement likewise. Cells whose models differ are refused.
 */
import { comparisonStreamKey } from '../../core/streams.js';
import { holm } from '../../metrics/human/holm.js';
import { signFlipTest } from '../../metrics/human/sign-flip.js';
import type { Direction } from '../../metrics/types.js';
import { defaultRecords } from '../../runner/metric-variants.js';
import type { ResultRecord } from '../../runner/result-record.js';

export const ALPHA = 0.05;
/** Used where a metric declares no tolerance of its own. */
export const DEFAULT_TOLERANCE = 0.01;

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'refused' | 'skipped';

export interface CellComparison {
  readonly task: string;
  readonly metric: string;
  readonly criterion: string;
  readonly direction: Direction;
  readonly baselineExplainer: string;
  readonly candidateExplainer: string;
  /** Samples present with a value in both. */
  readonly n: number;
  readonly baselineMean: number | null;
  readonly candidateMean: number | null;
  /** Mean paired change in the better direction (positive = better), null when not computed. */
  readonly change: number | null;
  readonly tolerance: number;
  readonly p: number | null;
  readonly pAdjusted: number | null;
  readonly verdict: Verdict;
  readonly reason?: string;
}

export interface ComparisonReport {
  readonly cells: readonly CellComparison[];
  readonly warnings: readonly string[];
  readonly regressions: number;
  readonly improvements: number;
  readonly refused: number;
}

export interface ComparePair {
  readonly baseline: string;
  readonly candidate: string;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** signFlipTest's default: exact enumeration up to 20 samples, Monte Carlo above. */
const EXACT_UP_TO = 20;

/**
 * Hoeffding's bound on the sign-flip p-value: given |d_i|, the signs are independent fair coins under
 * H0, so P(|sum e_i d_i| >= |sum d_i|) <= 2 exp(-(sum d_i)^2 / (2 sum d_i^2)). A valid p-value that,
 * unlike the Monte Carlo one (floored at 1/(1 + resamples)), can be as small as the evidence is strong.
 */
export function hoeffdingP(d: readonly number[]): number {
  const sum = d.reduce((s, x) => s + x, 0);
  const sq = d.reduce((s, x) => s + x * x, 0);
  return sq > 0 ? Math.min(1, 2 * Math.exp(-(sum * sum) / (2 * sq))) : 1;
}

/**
 * The cell's p-value. Up to 20 samples the exact sign-flip test. Above, the Monte Carlo test cannot go
 * below 1/10001, and Holm multiplies the smallest p by the number of cells (a standard baseline has
 * thousands), so no change could ever pass; the Hoeffding bound can. Taking the smaller of two valid
 * p-values needs a Bonferroni factor of 2 to stay valid.
 */
function cellP(d: readonly number[], seed: number, stream: readonly string[]): number {
  const mc = signFlipTest(d, { seed, stream: [...stream] }).p;
  return d.length <= EXACT_UP_TO ? mc : Math.min(1, 2 * Math.min(mc, hoeffdingP(d)));
}

/**
 * The smallest p-value a cell can get with n paired samples: that of n equal differences of one sign.
 * Holm multiplies the smallest p by the number of cells, so more than ALPHA / smallestP(n) cells can
 * never show a change.
 */
export function smallestP(n: number): number {
  return n === 0 ? 1 : cellP(new Array<number>(n).fill(1), 0, ['ci', 'smallest-p']);
}

interface Pending {
  readonly c: Omit<CellComparison, 'pAdjusted' | 'verdict'> & { verdict?: Verdict };
  readonly tested: boolean;
}

export function compareRecords(
  baseline: readonly ResultRecord[],
  candidate: readonly ResultRecord[],
  pairs: readonly ComparePair[],
  toleranceOf: (metric: string) => number,
  seed = 0,
): ComparisonReport {
  const warnings = new Set<string>();
  const byKey = (recs: readonly ResultRecord[]) => new Map(recs.map((r) => [`${r.task}|${r.explainer}|${r.metric}`, r]));
  // Setting variants (meta.sensitivity's records) are not cells: only the metrics' own settings compare.
  const base = byKey(defaultRecords(baseline));
  const cand = byKey(defaultRecords(candidate));
  const pending: Pending[] = [];
  for (const pair of pairs) {
    for (const b of base.values()) {
      if (b.explainer !== pair.baseline) continue;
      const c = cand.get(`${b.task}|${pair.candidate}|${b.metric}`);
      if (!c) continue;
      if (b.backend !== c.backend) {
        warnings.add(`backend differs (baseline ${b.backend}, candidate ${c.backend}): numbers may differ in the last digits`);
      }
      pending.push(compareCell(b, c, pair, toleranceOf(b.metric), seed));
    }
  }
  const tested = pending.filter((x) => x.tested);
  const cells = verdicts(pending, tested);
  const power = powerWarning(tested);
  if (power) warnings.add(power);
  return {
    cells,
    warnings: [...warnings],
    regressions: cells.filter((c) => c.verdict === 'regression').length,
    improvements: cells.filter((c) => c.verdict === 'improvement').length,
    refused: cells.filter((c) => c.verdict === 'refused').length,
  };
}

/** One cell: refused, skipped or failed with its reason, or its paired change and p-value (tested). */
function compareCell(b: ResultRecord, c: ResultRecord, pair: ComparePair, tolerance: number, seed: number): Pending {
  const common = {
    task: b.task,
    metric: b.metric,
    criterion: b.criterion,
    direction: b.direction,
    baselineExplainer: pair.baseline,
    candidateExplainer: pair.candidate,
    tolerance,
  };
  const untested = (verdict: Verdict, reason: string, candidateMean: number | null = c.mean): Pending => ({
    c: { ...common, n: 0, baselineMean: b.mean, candidateMean, change: null, p: null, verdict, reason },
    tested: false,
  });
  if (c.failure) return untested('regression', c.failure, null);
  if (b.modelHash !== c.modelHash || b.datasetHash !== c.datasetHash) {
    const what = b.modelHash !== c.modelHash ? 'model' : 'data set';
    return untested('refused', `the ${what} differs from the baseline's (stale baseline? run npm run baselines)`);
  }
  if (JSON.stringify(b.metricParams) !== JSON.stringify(c.metricParams) || b.seed !== c.seed) {
    return untested('refused', 'metric parameters or seed differ from the baseline\'s');
  }
  if (b.direction === 'descriptive' || !Number.isFinite(tolerance)) {
    const why = b.direction === 'descriptive' ? 'descriptive metric (never ranked)' : 'not compared by default (machine-dependent)';
    return untested('skipped', why);
  }
  const cv = new Map(c.sampleIds.map((id, i) => [id, c.values[i]]));
  const diffs: number[] = [];
  const bs: number[] = [];
  const cs: number[] = [];
  b.sampleIds.forEach((id, i) => {
    const x = b.values[i];
    const y = cv.get(id);
    if (x === null || y === null || y === undefined) return;
    bs.push(x);
    cs.push(y);
    diffs.push(b.direction === 'higher' ? y - x : x - y);
  });
  if (diffs.length === 0) return untested('skipped', 'no sample has a value in both');
  const change = mean(diffs)!;
  const allZero = diffs.every((d) => d === 0);
  const p = allZero ? 1 : cellP(diffs, seed, comparisonStreamKey(b.task, b.metric));
  return { c: { ...common, n: diffs.length, baselineMean: mean(bs), candidateMean: mean(cs), change, p }, tested: true };
}

/** Holm-adjusted p-values and each cell's verdict, sorted by task and metric. */
function verdicts(pending: readonly Pending[], tested: readonly Pending[]): CellComparison[] {
  const adjusted = holm(tested.map((x) => x.c.p!));
  const cells: CellComparison[] = pending.map((x) => {
    if (!x.tested) return { ...x.c, pAdjusted: null, verdict: x.c.verdict! };
    const pAdjusted = adjusted[tested.indexOf(x)];
    const change = x.c.change!;
    const significant = pAdjusted <= ALPHA;
    const verdict: Verdict =
      significant && change < -x.c.tolerance ? 'regression' : significant && change > x.c.tolerance ? 'improvement' : 'unchanged';
    return { ...x.c, pAdjusted, verdict };
  });
  return cells.sort((a, b) => (a.task + a.metric < b.task + b.metric ? -1 : a.task + a.metric > b.task + b.metric ? 1 : 0));
}

/** Why no change could pass Holm's correction with so few samples for so many cells, or null when one could. */
function powerWarning(tested: readonly Pending[]): string | null {
  if (tested.length === 0) return null;
  const nMax = Math.max(...tested.map((x) => x.c.n));
  const bestP = smallestP(nMax);
  if (bestP * tested.length <= ALPHA) return null;
  return (
    `with ${nMax} samples per cell and ${tested.length} cells, no change can pass Holm's correction ` +
    `(smallest possible p ${bestP.toExponential(1)}): use a profile with more samples or fewer metrics`
  );
}
