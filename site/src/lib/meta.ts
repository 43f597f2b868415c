/**
 * Summaries of the leaderboard's meta section (the metrics evaluated themselves) for the metric
 * quality page: means over tasks of what leaderboard.json lists per task. Each summary keeps its count
 * of tasks, and what could not be computed is counted with its reasons, never dropped silently.
 */
import type { Leaderboard } from './types';

type Meta = Leaderboard['meta'];

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Reasons with their counts, most frequent first. */
function reasons(rs: readonly (string | null)[]): { reason: string; count: number }[] {
  const c = new Map<string, number>();
  for (const r of rs) if (r !== null) c.set(r, (c.get(r) ?? 0) + 1);
  return [...c.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

export interface PairSummary {
  readonly criterion: string;
  readonly metricA: string;
  readonly metricB: string;
  readonly tasks: number;
  readonly meanRho: number | null;
  readonly meanTau: number | null;
}

/** Per criterion, each metric pair's mean rank correlation over the tasks where it is defined, most discordant first. */
export function pairSummaries(meta: Meta): PairSummary[] {
  const groups = new Map<string, { criterion: string; a: string; b: string; rho: number[]; tau: number[] }>();
  for (const p of meta.agreement.pairs) {
    const key = `${p.criterion}\u0000${p.metricA}\u0000${p.metricB}`;
    const g = groups.get(key) ?? { criterion: p.criterion, a: p.metricA, b: p.metricB, rho: [], tau: [] };
    if (p.spearmanRho !== null) g.rho.push(p.spearmanRho);
    if (p.kendallTauB !== null) g.tau.push(p.kendallTauB);
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.rho.length > 0)
    .map((g) => ({ criterion: g.criterion, metricA: g.a, metricB: g.b, tasks: g.rho.length, meanRho: mean(g.rho), meanTau: mean(g.tau) }))
    .sort((x, y) => (x.criterion < y.criterion ? -1 : x.criterion > y.criterion ? 1 : (x.meanRho ?? 0) - (y.meanRho ?? 0)));
}

export interface ConsistencySummary {
  readonly criterion: string;
  /** The metric group (items), as the leaderboard lists it per task. */
  readonly metrics: readonly string[];
  readonly tasks: number;
  readonly meanAlpha: number | null;
  readonly minAlpha: number | null;
  readonly maxAlpha: number | null;
  readonly undefinedTasks: number;
  readonly reasons: readonly { reason: string; count: number }[];
}

/** Internal consistency per (criterion, metric group), over tasks. */
export function consistencySummaries(meta: Meta): ConsistencySummary[] {
  const groups = new Map<string, { criterion: string; metrics: readonly string[]; alphas: number[]; reasons: (string | null)[] }>();
  for (const c of meta.reliability.internalConsistency) {
    const key = `${c.criterion}\u0000${c.metrics.join(',')}`;
    const g = groups.get(key) ?? { criterion: c.criterion, metrics: c.metrics, alphas: [], reasons: [] };
    if (c.cronbachAlphaStandardised !== null) g.alphas.push(c.cronbachAlphaStandardised);
    g.reasons.push(c.reason);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({
      criterion: g.criterion,
      metrics: g.metrics,
      tasks: g.alphas.length,
      meanAlpha: mean(g.alphas),
      minAlpha: g.alphas.length ? Math.min(...g.alphas) : null,
      maxAlpha: g.alphas.length ? Math.max(...g.alphas) : null,
      undefinedTasks: g.reasons.filter((r) => r !== null).length,
      reasons: reasons(g.reasons),
    }))
    .sort((x, y) => (x.criterion < y.criterion ? -1 : x.criterion > y.criterion ? 1 : y.tasks - x.tasks));
}

export interface VariantSummaryRow {
  readonly metric: string;
  readonly label: string;
  readonly tasks: number;
  readonly meanTau: number | null;
  /** Share of tasks whose best explainers stay the best under the variant. */
  readonly sameBestShare: number | null;
  readonly refused: number;
  readonly reasons: readonly { reason: string; count: number }[];
}

/** How far each setting variant moves the ranking, over tasks. */
export function variantSummaries(meta: Meta): VariantSummaryRow[] {
  const groups = new Map<string, { metric: string; label: string; tau: number[]; same: boolean[]; reasons: (string | null)[] }>();
  for (const v of meta.sensitivity.variants) {
    const key = `${v.metric}\u0000${v.label}`;
    const g = groups.get(key) ?? { metric: v.metric, label: v.label, tau: [], same: [], reasons: [] };
    if (v.kendallTauB !== null) g.tau.push(v.kendallTauB);
    if (v.sameBest !== null) g.same.push(v.sameBest);
    g.reasons.push(v.reason);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    metric: g.metric,
    label: g.label,
    tasks: g.tau.length,
    meanTau: mean(g.tau),
    sameBestShare: g.same.length ? g.same.filter(Boolean).length / g.same.length : null,
    refused: g.reasons.filter((r) => r !== null).length,
    reasons: reasons(g.reasons),
  }));
}
