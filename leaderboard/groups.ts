/**
 * Comparison groups (docs/principles.md (principle 8)): criterion and overall scores exist only within an
 * explainer family, over the explainers that cover enough of the family's cells, with bootstrap
 * intervals and tie marks like the cells have. The rules are written into leaderboard.json
 * (aggregationRules) and shown on the site beside the tables.
 */
import type { Criterion } from '../metrics/types.js';
import { CONFIDENCE } from '../numeric/bootstrap.js';
import { percentileInterval } from '../numeric/quantile.js';
import type { FamilyOf } from './family-of.js';
import { groupScores, type GroupScores } from './group-bootstrap.js';
import { groupCells, groupInput } from './group-input.js';
import type { MergedCell } from './merge.js';
import { competitionRanks } from './rank.js';
import type { AggregationRules, GroupBoard, GroupExplainer, GroupScore, SeedStability, TaskBoard } from './types.js';

const MIN_COVERAGE = 0.75;
const MIN_RANKED = 3;
export const GROUP_RESAMPLES = 1000;
/** Decimals of the shipped replicates (the explorer's intervals need no more). */
const REPLICATE_DECIMALS = 4;

export function aggregationRules(includeHome: boolean, groupResamples: number): AggregationRules {
  return {
    comparisonGroup: 'Explainers are compared only with explainers of the same family (attribution, rules, examples, concept-path): criterion and overall scores exist only within a family, never across families.',
    minCoverage: MIN_COVERAGE,
    minRanked: MIN_RANKED,
    seedReplicates: 'A task and its training-seed replicates (`x-s2`, `x-s3` beside `x`) form one data set: scores are averaged over the replicates first, then over data sets. Each explainer\'s overall rank per seed is reported as seed stability.',
    scores: `Per task and metric, the ranked explainers of the group are ranked by mean (competition ranks, 1 = best in the metric's direction); rank r among k scores (k - r)/(k - 1). A criterion score is the mean over its metrics, then over seed replicates, then over data sets; the overall score is the equal-weight mean over the criteria with a score. An explainer is ranked when it has a value on at least ${MIN_COVERAGE * 100}% of the group's (data set x metric) cells; a group with fewer than ${MIN_RANKED} such explainers shows scores without ranks.`,
    intervals: `95% percentile intervals over ${groupResamples} bootstrap replicates that resample each task's inputs (paired across explainers) and recompute every mean, rank and score; two explainers are tied when the 95% interval of their paired replicate difference contains 0.`,
    homeAdvantage: {
      included: includeHome,
      rule: includeHome
        ? 'Home-advantage pairs (a metric that is the explainer\'s own objective) are ranked and scored, as asked (--include-home-advantage).'
        : 'Home-advantage pairs (a metric that is the explainer\'s own objective) are marked on the cell and left out of that metric\'s ranks and of the criterion scores; --include-home-advantage puts them back.',
    },
    groupResamples,
  };
}

function coverageOf(members: readonly string[], cells: number, covered: ReadonlyMap<string, number>): GroupExplainer[] {
  const eligible = members.filter((e) => cells > 0 && covered.get(e)! / cells >= MIN_COVERAGE);
  const ranked = eligible.length >= MIN_RANKED;
  return members.map((explainer) => {
    const c = covered.get(explainer)!;
    const coverage = cells ? c / cells : 0;
    const ok = coverage >= MIN_COVERAGE;
    const reason = !ok
      ? `covers ${c} of the group's ${cells} (data set x metric) cells (${(coverage * 100).toFixed(0)}%, below ${MIN_COVERAGE * 100}%)`
      : !ranked
        ? `only ${eligible.length} explainer(s) of this group cover ${MIN_COVERAGE * 100}% of its cells: fewer than ${MIN_RANKED}, so no ranking`
        : null;
    return { explainer, covered: c, coverage, ranked: ok && ranked, reason };
  });
}

/** Slot j of every replicate, the NaN-free values. */
function replicateColumn(s: GroupScores, size: number, j: number, other = -1): Float64Array {
  const out: number[] = [];
  for (let b = 0; b < s.resamples; b++) {
    const x = s.replicates[b * size + j];
    const y = other >= 0 ? s.replicates[b * size + other] : 0;
    if (x === x && y === y) out.push(x - y);
  }
  return Float64Array.from(out);
}

/** Score, interval, rank and ties of every scored explainer in slot `col` of an E x C (or E x 1) layout. */
function scoreRows(explainers: readonly string[], s: GroupScores, width: number, col: number, rank: boolean): GroupScore[] {
  const size = explainers.length * width;
  const slot = (e: number) => e * width + col;
  const points = explainers.map((_, e) => (s.point[slot(e)] === s.point[slot(e)] ? s.point[slot(e)] : null));
  const ranks = rank ? competitionRanks(points, 'higher') : points.map(() => null);
  return explainers.map((explainer, e) => {
    const reps = replicateColumn(s, size, slot(e));
    const ci = points[e] !== null && reps.length > 1 ? percentileInterval(reps, CONFIDENCE) : null;
    const tiedWith = explainers.filter((o, f) => {
      if (f === e || points[e] === null || points[f] === null) return false;
      const d = replicateColumn(s, size, slot(e), slot(f));
      if (d.length < 2) return true;
      const [lo, hi] = percentileInterval(d, CONFIDENCE);
      return lo <= 0 && hi >= 0;
    });
    const datasets = s.perTask.filter((tasks) => tasks.some((t) => t[slot(e)] === t[slot(e)])).length;
    return { explainer, score: points[e], ci, rank: ranks[e], tiedWith, datasets };
  });
}

/** The overall (equal weight over criteria with a score) as an E x 1 GroupScores. */
function overallOf(s: GroupScores, E: number, C: number): GroupScores {
  const mean = (src: Float64Array) => {
    const out = new Float64Array(src.length / C);
    for (let i = 0; i < out.length; i++) {
      let sum = 0;
      let n = 0;
      for (let c = 0; c < C; c++) {
        const x = src[i * C + c];
        if (x === x) {
          sum += x;
          n++;
        }
      }
      out[i] = n ? sum / n : NaN;
    }
    return out;
  };
  return { point: mean(s.point), perTask: s.perTask.map((ts) => ts.map(mean)), replicates: mean(s.replicates), resamples: s.resamples };
}

/** Overall rank of each scored explainer on each seed's task of every data set with replicates. */
function seedStability(
  datasets: ReadonlyMap<string, readonly string[]>,
  overall: GroupScores,
  explainers: readonly string[],
): SeedStability[] {
  const names = [...datasets.keys()];
  const out: SeedStability[] = [];
  // A group without scores has no ranks to compare between seeds.
  if (explainers.length === 0) return out;
  overall.perTask.forEach((tasks, d) => {
    if (tasks.length < 2) return;
    const ranks = tasks.map((t) => competitionRanks(Array.from(t, (x) => (x === x ? x : null)), 'higher'));
    const byExplainer = explainers.map((explainer, e) => ({ explainer, ranks: ranks.map((r) => r[e]) }));
    out.push({ dataset: names[d], tasks: datasets.get(names[d])!, ranks: byExplainer });
  });
  return out;
}

const round = (x: number) => (x === x ? Number(x.toFixed(REPLICATE_DECIMALS)) : null);

function shippedReplicates(
  s: GroupScores,
  explainers: readonly string[],
  criteria: readonly Criterion[],
  keep: readonly number[],
): GroupBoard['replicates'] {
  const C = s.point.length / explainers.length;
  const E = explainers.length;
  const replicate = (b: number) => explainers.map((_, e) => keep.map((c) => round(s.replicates[(b * E + e) * C + c])));
  const values = Array.from({ length: s.resamples }, (_, b) => replicate(b));
  return { explainers, criteria: keep.map((c) => criteria[c]), values };
}

export interface GroupOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly familyOf: FamilyOf;
}

function groupBoard(
  group: string,
  members: readonly string[],
  tasks: readonly TaskBoard[],
  cellsByTask: ReadonlyMap<string, readonly MergedCell[]>,
  o: GroupOptions,
): GroupBoard {
  const { datasets, cells, covered } = groupCells(tasks, members);
  const explainers = coverageOf(members, cells, covered);
  const ranked = explainers.some((e) => e.ranked);
  const eligible = explainers.filter((e) => e.coverage >= MIN_COVERAGE).map((e) => e.explainer);
  // Scores among the explainers that qualify, never among low-coverage ones: a rank score against
  // rivals met on a few cells is not evidence. With fewer than 2 qualifying, there are no scores.
  const scored = eligible.length >= 2 ? eligible : [];
  const input = groupInput(tasks, cellsByTask, datasets, scored);
  const s = groupScores(input, group, o.seed, o.resamples);
  const C = input.criteria.length;
  const keep = input.criteria.map((_, c) => c).filter((c) => scored.some((_, e) => s.point[e * C + c] === s.point[e * C + c]));
  const criteria = keep.map((c) => ({
    criterion: input.criteria[c] as Criterion,
    metrics: metricsOf(tasks, group, input.criteria[c]),
    scores: scoreRows(scored, s, C, c, ranked),
  }));
  const overall = overallOf(s, scored.length, C);
  return {
    group,
    explainers,
    datasets: [...datasets.keys()],
    replicatesOf: Object.fromEntries(datasets),
    cells,
    ranked,
    criteria,
    overall: scoreRows(scored, overall, 1, 0, ranked),
    seedStability: seedStability(datasets, overall, scored),
    replicates: scored.length ? shippedReplicates(s, scored, input.criteria as Criterion[], keep) : null,
  };
}

/** The metrics behind one criterion of a group, over all tasks. */
function metricsOf(tasks: readonly TaskBoard[], group: string, criterion: string): string[] {
  const boards = tasks.flatMap((t) => t.criteria.filter((b) => b.group === group && b.criterion === criterion));
  return [...new Set(boards.flatMap((b) => b.metrics))].sort();
}

/** One board per explainer family present in `tasks`. */
export function groupBoards(
  tasks: readonly TaskBoard[],
  cellsByTask: ReadonlyMap<string, readonly MergedCell[]>,
  o: GroupOptions,
): GroupBoard[] {
  const all = [...new Set(tasks.flatMap((t) => t.explainers))].sort();
  const families = [...new Set(all.map(o.familyOf))].sort();
  return families.map((g) => groupBoard(g, all.filter((e) => o.familyOf(e) === g), tasks, cellsByTask, o));
}
