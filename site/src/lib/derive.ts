/** Readings derived from the leaderboard for the pages: sanity badges, criterion summaries (claims: claims.ts). */
import type { MetricBoard, MetricEntry, SanityCheck, SanityStatus, TaskBoard } from './types';

export const SANITY_METRICS = ['mprt', 'random-logit'] as const;

export type Verdict = 'pass' | 'fail' | 'unclear' | 'none';

export interface Badge {
  readonly metric: string;
  readonly verdict: Verdict;
  readonly threshold: number;
  readonly check: SanityCheck;
}

const VERDICTS: Record<SanityStatus, Verdict> = { passed: 'pass', failed: 'fail', inconclusive: 'unclear', 'not-applicable': 'none' };

/**
 * The sanity badges the leaderboard wrote for an explainer (leaderboard/sanity-badges.ts decides
 * them; the site only shows them), for the checks the task ran.
 */
export function sanityBadges(task: TaskBoard, explainer: string): Badge[] {
  const checks = task.sanity.find((b) => b.explainer === explainer)?.checks ?? [];
  return checks
    .filter((c) => task.metrics.some((m) => m.metric === c.metric))
    .map((c) => ({ metric: c.metric, verdict: VERDICTS[c.status], threshold: c.threshold ?? 0.5, check: c }));
}

export const entryOf = (board: MetricBoard, explainer: string): MetricEntry | undefined =>
  board.entries.find((e) => e.explainer === explainer);

/** The explainer's score on a criterion of a task, from its own comparison group's board. */
export function criterionScore(task: TaskBoard, criterion: string, explainer: string): number | null {
  for (const c of task.criteria) {
    if (c.criterion !== criterion) continue;
    const found = c.scores.find((s) => s.explainer === explainer);
    if (found) return found.score;
  }
  return null;
}

/** Criteria present on a task, in the fixed order. */
export function criteriaOf(task: TaskBoard, order: readonly string[]): string[] {
  const present = new Set(task.metrics.map((m) => m.criterion));
  return order.filter((c) => present.has(c));
}

// Claim evidence (whether a card's claim holds on a task) is judged in claims.ts, from intervals and ties.
