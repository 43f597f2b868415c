/**
 * Reliability of the metrics across samples, after Tomsett et al. 2020 ("Sanity checks for saliency
 * metrics", AAAI), who carry psychometric reliability over to saliency metrics:
 * - inter-sample (their inter-rater) reliability: does every input order the explainers alike? Each
 *   sample is a rater that ranks the explainers by its own value; Krippendorff's alpha at the ordinal
 *   level over those ranks (the survey's implementation, metrics/human/krippendorff-alpha.ts);
 * - internal consistency: do the metrics of one criterion measure one thing? Standardised Cronbach's
 *   alpha with the criterion's metrics as items and (explainer, sample) pairs as observations.
 * Values are oriented so that higher is better in each metric's own direction.
 */
import { krippendorffAlpha } from '../metrics/human/krippendorff-alpha.js';
import { averageRanks } from '../numeric/rank-correlation.js';
import { cronbachAlpha } from '../numeric/cronbach-alpha.js';
import type { MergedCell } from './merge.js';
import type { InterSampleReliability, InternalConsistency, MetricReliabilitySummary, TaskBoard } from './types.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const why = (e: unknown) => (e as Error).message.replace(/^\w+: /, '');

/** value * sign, where sign orients the metric so that higher is better. */
const orient = (direction: string) => (direction === 'lower' ? -1 : 1);

function interSample(task: TaskBoard, cells: readonly MergedCell[]): InterSampleReliability[] {
  const out: InterSampleReliability[] = [];
  for (const board of task.metrics) {
    if (board.direction === 'descriptive' || board.ranked < 2) continue;
    const sign = orient(board.direction);
    const mine = cells.filter((c) => c.metric === board.metric).sort((a, b) => byString(a.explainer, b.explainer));
    const explainers = mine.map((c) => c.explainer);
    const ids = [...new Set(mine.flatMap((c) => [...c.values.keys()]))].sort(byString);
    // data[sample][explainer]: the explainer's rank on that sample (1 = best), null where it has no value.
    const data: (number | null)[][] = [];
    for (const id of ids) {
      const present = mine.map((c, k) => ({ k, v: c.values.get(id) })).filter((x): x is { k: number; v: number } => typeof x.v === 'number');
      if (present.length < 2) continue;
      const ranks = averageRanks(present.map((x) => -sign * x.v));
      const row: (number | null)[] = explainers.map(() => null);
      present.forEach((x, q) => (row[x.k] = ranks[q]));
      data.push(row);
    }
    const ranked = explainers.filter((_, k) => data.some((row) => row[k] !== null)).length;
    const base = { task: task.task, metric: board.metric, criterion: board.criterion, samples: data.length, explainers: ranked };
    if (data.length < 2) {
      out.push({ ...base, krippendorffAlphaOrdinal: null, reason: `only ${data.length} samples rank at least two explainers (at least 2 needed)` });
      continue;
    }
    try {
      out.push({ ...base, krippendorffAlphaOrdinal: krippendorffAlpha(data, 'ordinal').alpha, reason: null });
    } catch (e) {
      out.push({ ...base, krippendorffAlphaOrdinal: null, reason: why(e) });
    }
  }
  return out;
}

/**
 * The criterion's metrics split into groups that score the same explainers: a criterion mixes families
 * (fidelity holds attribution curves and rule fidelity), and no (explainer, sample) pair has a value on
 * metrics of two families, so alpha is computed within each group of at least two metrics.
 */
function itemGroups(ids: readonly string[], cells: readonly MergedCell[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const valued = cells.filter((c) => c.metric === id && [...c.values.values()].some((v) => v !== null));
    const who = [...new Set(valued.map((c) => c.explainer))].sort(byString);
    if (who.length === 0) continue;
    const key = who.join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()].filter((g) => g.length >= 2);
}

function internalConsistency(task: TaskBoard, cells: readonly MergedCell[]): InternalConsistency[] {
  const out: InternalConsistency[] = [];
  for (const c of task.criteria) {
    for (const group of itemGroups(c.metrics, cells)) {
      const boards = group.map((id) => task.metrics.find((m) => m.metric === id)!);
      // Per item: (explainer, sample) -> oriented value.
      const items = boards.map((b) => {
        const sign = orient(b.direction);
        const m = new Map<string, number>();
        for (const cell of cells) {
          if (cell.metric !== b.metric) continue;
          for (const [id, v] of cell.values) if (v !== null) m.set(`${cell.explainer}\u0000${id}`, sign * v);
        }
        return m;
      });
      const observations = [...items[0].keys()].filter((k) => items.every((m) => m.has(k))).sort(byString);
      const base = { task: task.task, criterion: c.criterion, metrics: group, observations: observations.length };
      try {
        const alpha = cronbachAlpha(items.map((m) => observations.map((k) => m.get(k)!)), { standardised: true }).alpha;
        out.push({ ...base, cronbachAlphaStandardised: alpha, reason: null });
      } catch (e) {
        const msg = why(e).replace(/item (\d+)/, (_, i: string) => `metric ${group[Number(i)]}`);
        out.push({ ...base, cronbachAlphaStandardised: null, reason: msg });
      }
    }
  }
  return out;
}

export function metricReliability(tasks: readonly TaskBoard[], cellsByTask: ReadonlyMap<string, readonly MergedCell[]>) {
  const inter = tasks.flatMap((t) => interSample(t, cellsByTask.get(t.task) ?? []));
  const consistency = tasks.flatMap((t) => internalConsistency(t, cellsByTask.get(t.task) ?? []));
  const metricIds = [...new Set(inter.map((r) => r.metric))].sort(byString);
  const byMetric: MetricReliabilitySummary[] = metricIds.map((metric) => {
    const v = inter.filter((r) => r.metric === metric && r.krippendorffAlphaOrdinal !== null).map((r) => r.krippendorffAlphaOrdinal!);
    return { metric, tasks: v.length, meanKrippendorffAlphaOrdinal: v.length ? v.reduce((s, x) => s + x, 0) / v.length : null };
  });
  return { interSample: inter, interSampleByMetric: byMetric, internalConsistency: consistency };
}
