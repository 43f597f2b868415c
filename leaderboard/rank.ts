/**
 * Ranks within one (task, metric) and rank-based criterion scores within one task. Ranks, not raw
 * values, are combined because metrics of one criterion live on different scales.
 */
import type { Criterion, Direction } from '../metrics/types.js';
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
 * The rank scores of one metric board among `members` (one comparison group): the members' ranked
 * entries are re-ranked among themselves (family-neutral metrics such as cost rank every family on one
 * board), and rank r among k scores (k - r)/(k - 1): 1 = best, 0 = worst. Null when fewer than 2 rank.
 */
function groupRankScores(board: MetricBoard, members: ReadonlySet<string>): Map<string, number> | null {
  const entries = board.entries.filter((e) => members.has(e.explainer) && e.rank !== null && e.mean !== null);
  if (board.direction === 'descriptive' || entries.length < 2) return null;
  const ranks = competitionRanks(entries.map((e) => e.mean), board.direction);
  const k = entries.length;
  return new Map(entries.map((e, i) => [e.explainer, (k - ranks[i]!) / (k - 1)]));
}

/**
 * Per comparison group (explainer family) and criterion, each explainer's mean over the criterion's
 * metrics of its rank score among the group (groupRankScores). Metrics ranking fewer than 2 of the
 * group say nothing and are skipped; a metric an explainer lacks is left out of its mean, never counted
 * as 0. Criteria without such a metric for a group are not listed for it.
 */
export function criterionScores(
  metrics: readonly MetricBoard[],
  explainers: readonly string[],
  familyOf: (e: string) => string,
): CriterionBoard[] {
  const boards: CriterionBoard[] = [];
  const groups = [...new Set(explainers.map(familyOf))].sort();
  for (const group of groups) {
    const members = explainers.filter((e) => familyOf(e) === group);
    const set = new Set(members);
    for (const criterion of CRITERIA) {
      const used = metrics
        .filter((m) => m.criterion === criterion)
        .map((m) => ({ metric: m.metric, scores: groupRankScores(m, set) }))
        .filter((u): u is { metric: string; scores: Map<string, number> } => u.scores !== null);
      if (used.length === 0) continue;
      const scores = members.map((explainer) => {
        const parts = used.filter((u) => u.scores.has(explainer));
        const score = parts.length ? parts.reduce((s, u) => s + u.scores.get(explainer)!, 0) / parts.length : null;
        return { explainer, score, metrics: parts.map((p) => p.metric) };
      });
      boards.push({ criterion, group, metrics: used.map((u) => u.metric), scores });
    }
  }
  return boards;
}
