/**
 * Ranks within one (task, metric) and rank-based criterion scores within one task. Ranks, not raw
 * values, are combined because metrics of one criterion live on different scales.
 */
import type { Criterion, Direction } from '../../metrics/types.js';
import type { CriterionBoard, MetricBoard } from './types.js';

/** Order in which criteria are listed everywhere. */
export const CRITERIA: readonly Criterion[] = ['fidelity', 'completeness', 'stability', 'sanity', 'complexity', 'localisation', 'cost', 'human'];

/**
 * Standard competition ranking ("1224"): 1 + the number of strictly better means. Equal means share a
 * rank; missing means get none; descriptive metrics rank nobody.
 */
export function competitionRanks(means: readonly (number | null)[], direction: Direction): (number | null)[] {
  if (direction === 'descriptive') return means.map(() => null);
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  return means.map((m) => (m === null ? null : 1 + means.filter((o) => o !== null && better(o, m)).length));
}

/**
 * Per criterion, each explainer's mean over the criterion's ranked metrics it has of (k - rank)/(k - 1),
 * where k explainers were ranked on that metric (1 = best, 0 = worst). Metrics ranking fewer than 2
 * explainers say nothing and are skipped; a metric an explainer lacks is left out of its mean, never
 * counted as 0. Criteria without a ranked metric on the task are not listed.
 */
export function criterionScores(metrics: readonly MetricBoard[], explainers: readonly string[]): CriterionBoard[] {
  const boards: CriterionBoard[] = [];
  for (const criterion of CRITERIA) {
    const used = metrics.filter((m) => m.criterion === criterion && m.direction !== 'descriptive' && m.ranked >= 2);
    if (used.length === 0) continue;
    const scores = explainers.map((explainer) => {
      const parts: { metric: string; score: number }[] = [];
      for (const m of used) {
        const rank = m.entries.find((e) => e.explainer === explainer)?.rank ?? null;
        if (rank !== null) parts.push({ metric: m.metric, score: (m.ranked - rank) / (m.ranked - 1) });
      }
      const score = parts.length ? parts.reduce((s, p) => s + p.score, 0) / parts.length : null;
      return { explainer, score, metrics: parts.map((p) => p.metric) };
    });
    boards.push({ criterion, metrics: used.map((m) => m.metric), scores });
  }
  return boards;
}
