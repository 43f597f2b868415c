/**
 * What a comparison group's aggregate is computed from: its data sets (seed replicates merged), its
 * (data set x metric) cells, each explainer's coverage of them, and the per-sample value columns of the
 * explainers that are scored.
 */
import type { Criterion } from '../metrics/types.js';
import type { MergedCell } from './merge.js';
import { CRITERIA } from './rank.js';
import { replicateGroups } from './seed-replicates.js';
import type { GroupInput, MetricColumns, TaskColumns } from './group-bootstrap.js';
import type { MetricBoard, MetricEntry, TaskBoard } from './types.js';

/** A board that can rank: a criterion metric with a direction. */
const rankable = (m: MetricBoard) => m.direction !== 'descriptive' && CRITERIA.includes(m.criterion);

/** An entry left out of ranks: a home-advantage pair not asked for. */
const excluded = (e: MetricEntry) => e.homeAdvantage !== null && !e.homeAdvantage.ranked;

export interface GroupCells {
  /** Data set -> its tasks where the group has results. */
  readonly datasets: ReadonlyMap<string, readonly string[]>;
  /** Number of (data set x metric) cells with a result for some member. */
  readonly cells: number;
  /** Per member, the cells it has a value for. */
  readonly covered: ReadonlyMap<string, number>;
}

/** The group's data sets and cells, and how many of them each member covers. */
export function groupCells(tasks: readonly TaskBoard[], members: readonly string[]): GroupCells {
  const set = new Set(members);
  const own = tasks.filter((t) => t.explainers.some((e) => set.has(e)));
  const datasets = replicateGroups(own.map((t) => t.task));
  const byTask = new Map(own.map((t) => [t.task, t]));
  let cells = 0;
  const covered = new Map(members.map((e) => [e, 0]));
  for (const taskIds of datasets.values()) {
    const metrics = new Map<string, Set<string>>();
    for (const id of taskIds) {
      for (const m of byTask.get(id)!.metrics.filter(rankable)) {
        const withValue = metrics.get(m.metric) ?? new Set<string>();
        let scored = false;
        for (const e of m.entries) {
          if (!set.has(e.explainer)) continue;
          scored = true;
          if (e.n > 0) withValue.add(e.explainer);
        }
        if (scored) metrics.set(m.metric, withValue);
      }
    }
    cells += metrics.size;
    for (const withValue of metrics.values()) for (const e of withValue) covered.set(e, covered.get(e)! + 1);
  }
  return { datasets, cells, covered };
}

function columns(board: MetricBoard, cells: readonly MergedCell[], scored: readonly string[], ids: ReadonlyMap<string, number>): MetricColumns['values'] {
  return scored.map((explainer) => {
    const entry = board.entries.find((e) => e.explainer === explainer);
    const cell = cells.find((c) => c.metric === board.metric && c.explainer === explainer);
    if (!entry || !cell || excluded(entry) || entry.n === 0) return null;
    const v = new Float64Array(ids.size).fill(NaN);
    for (const [id, x] of cell.values) if (x !== null) v[ids.get(id)!] = x;
    return v;
  });
}

function taskColumns(
  board: TaskBoard,
  cells: readonly MergedCell[],
  scored: readonly string[],
  criteria: readonly Criterion[],
): TaskColumns {
  const set = new Set(scored);
  const mine = cells.filter((c) => set.has(c.explainer));
  const idList = [...new Set(mine.flatMap((c) => [...c.values.keys()]))].sort();
  const ids = new Map(idList.map((id, i) => [id, i]));
  const metrics: MetricColumns[] = [];
  for (const m of board.metrics.filter(rankable)) {
    const values = columns(m, mine, scored, ids);
    if (values.filter((v) => v !== null).length < 2) continue;
    metrics.push({ criterion: criteria.indexOf(m.criterion), direction: m.direction as 'higher' | 'lower', values });
  }
  return { task: board.task, ids: ids.size, metrics };
}

/** The value columns of the scored explainers, for group-bootstrap.ts. */
export function groupInput(
  tasks: readonly TaskBoard[],
  cellsByTask: ReadonlyMap<string, readonly MergedCell[]>,
  datasets: ReadonlyMap<string, readonly string[]>,
  scored: readonly string[],
): GroupInput {
  const byTask = new Map(tasks.map((t) => [t.task, t]));
  const criteria = CRITERIA.filter((c) => tasks.some((t) => t.metrics.some((m) => m.criterion === c && rankable(m))));
  return {
    explainers: scored,
    criteria,
    datasets: [...datasets.values()].map((ids) =>
      ids.map((id) => taskColumns(byTask.get(id)!, cellsByTask.get(id) ?? [], scored, criteria)),
    ),
  };
}
