/**
 * Sensitivity of a ranking to the metric's own setting: per task, metric and declared setting variant
 * (a profile's metricVariants, e.g. deletion-auc with baseline=zero), Kendall's tau-b between the
 * explainer ranking under the run's own setting and under the variant, both on the same explanations.
 * tau 1: the setting does not matter for the ranking; lower: the leaderboard depends on a choice the
 * peers make differently.
 */
import { variantKey, variantLabel } from '../runner/metric-variants.js';
import { kendallTauB } from '../numeric/kendall-tau.js';
import { MIN_EXPLAINERS, orientedMeans } from './meta-agreement.js';
import type { MergedCell } from './merge.js';
import type { TaskBoard, VariantSensitivity, VariantSummary } from './types.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The best explainers (all of them when tied) of oriented means. */
function best(means: ReadonlyMap<string, number>, among: readonly string[]): string[] {
  const top = Math.max(...among.map((e) => means.get(e)!));
  return among.filter((e) => means.get(e) === top);
}

function oneVariant(task: TaskBoard, cells: readonly MergedCell[]): VariantSensitivity {
  const { metric, variant } = cells[0];
  const base = { task: task.task, metric, variant: variant!, label: variantLabel(variant!) };
  const board = task.metrics.find((m) => m.metric === metric);
  if (!board) return { ...base, explainers: 0, kendallTauB: null, sameBest: null, reason: 'no result under the run\'s own setting on this task' };
  const sign = cells[0].direction === 'lower' ? -1 : 1;
  const varied = new Map<string, number>();
  for (const c of cells) {
    const v = [...c.values.values()].filter((x): x is number => x !== null);
    if (v.length) varied.set(c.explainer, (sign * v.reduce((s, x) => s + x, 0)) / v.length);
  }
  if (varied.size === 0) {
    const reasons = [...new Set(cells.flatMap((c) => Object.keys(c.nullReasons)))].sort(byString);
    return { ...base, explainers: 0, kendallTauB: null, sameBest: null, reason: reasons.length ? `no value under the variant: ${reasons.join('; ')}` : 'no value under the variant' };
  }
  const own = orientedMeans(board);
  const shared = [...own.keys()].filter((e) => varied.has(e)).sort(byString);
  if (shared.length < MIN_EXPLAINERS) {
    return { ...base, explainers: shared.length, kendallTauB: null, sameBest: null, reason: `only ${shared.length} explainers have a mean under both settings (at least ${MIN_EXPLAINERS} needed)` };
  }
  const tau = kendallTauB(
    shared.map((e) => own.get(e)!),
    shared.map((e) => varied.get(e)!),
  );
  const a = best(own, shared);
  const b = best(varied, shared);
  return {
    ...base,
    explainers: shared.length,
    kendallTauB: tau,
    sameBest: a.length === b.length && a.every((e, i) => e === b[i]),
    reason: tau === null ? 'one of the rankings is all ties (every explainer has the same mean)' : null,
  };
}

export function settingSensitivity(
  tasks: readonly TaskBoard[],
  variantCells: readonly MergedCell[],
): { variants: VariantSensitivity[]; byVariant: VariantSummary[] } {
  const known = new Map(tasks.map((t) => [t.task, t]));
  const groups = new Map<string, MergedCell[]>();
  for (const c of variantCells) {
    if (!known.has(c.task)) continue;
    const key = `${c.task}\u0000${c.metric}\u0000${variantKey(c.variant)}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const variants = [...groups.keys()]
    .sort(byString)
    .map((key) => oneVariant(known.get(groups.get(key)![0].task)!, groups.get(key)!));
  const summaries = new Map<string, VariantSensitivity[]>();
  for (const v of variants) {
    const key = `${v.metric}\u0000${variantKey(v.variant)}`;
    summaries.set(key, [...(summaries.get(key) ?? []), v]);
  }
  const byVariant = [...summaries.keys()].sort(byString).map((key) => {
    const group = summaries.get(key)!;
    const taus = group.map((v) => v.kendallTauB).filter((x): x is number => x !== null);
    return {
      metric: group[0].metric,
      variant: group[0].variant,
      label: group[0].label,
      tasks: taus.length,
      meanKendallTauB: taus.length ? taus.reduce((s, x) => s + x, 0) / taus.length : null,
    };
  });
  return { variants, byVariant };
}
