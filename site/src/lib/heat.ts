/**
 * The heat maps' data: per criterion and comparison group, each task's criterion score of each explainer
 * (leaderboard.json's task criteria; leaderboard/groups.ts), and per criterion the mean rank agreement
 * between its metrics (the metric-quality page's pair summaries, site/src/lib/meta.ts).
 */
import type { PairSummary } from './meta';
import type { TaskBoard } from './types';

export interface HeatData {
  readonly key: string;
  readonly rows: string[];
  readonly cols: string[];
  readonly values: Map<string, number | null>;
}

const cell = (r: string, c: string) => `${r}\u0000${c}`;

/** One heat map per comparison group with a score for the criterion; explainers in `order` first. */
export function criterionHeat(tasks: readonly TaskBoard[], criterion: string, order: readonly string[]): HeatData[] {
  const groups = new Map<string, HeatData>();
  for (const t of tasks) {
    for (const b of t.criteria) {
      if (b.criterion !== criterion || !b.scores.some((s) => s.score !== null)) continue;
      const g = groups.get(b.group) ?? { key: b.group, rows: [], cols: [], values: new Map() };
      g.rows.push(t.task);
      for (const s of b.scores) {
        if (!g.cols.includes(s.explainer)) g.cols.push(s.explainer);
        g.values.set(cell(t.task, s.explainer), s.score);
      }
      groups.set(b.group, g);
    }
  }
  const rank = (e: string) => (order.includes(e) ? order.indexOf(e) : order.length);
  for (const g of groups.values()) g.cols.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return [...groups.values()];
}

/** Per criterion, a symmetric metric × metric matrix of mean Spearman rho (1 on the diagonal). */
export function agreementHeat(pairs: readonly PairSummary[]): HeatData[] {
  const out = new Map<string, HeatData>();
  for (const p of pairs) {
    const h = out.get(p.criterion) ?? { key: p.criterion, rows: [], cols: [], values: new Map() };
    for (const m of [p.metricA, p.metricB]) {
      if (!h.rows.includes(m)) {
        h.rows.push(m);
        h.values.set(cell(m, m), 1);
      }
    }
    h.values.set(cell(p.metricA, p.metricB), p.meanRho);
    h.values.set(cell(p.metricB, p.metricA), p.meanRho);
    out.set(p.criterion, h);
  }
  for (const h of out.values()) {
    h.rows.sort();
    h.cols.push(...h.rows);
  }
  return [...out.values()].filter((h) => h.rows.length >= 2);
}
