/**
 * The guide's computed readings (lib/guide-table.ts declares what matters; nothing here is written by
 * hand about a method):
 * - leaders of a use case: the group's ranking under the use case's weights (essential 2, useful 1,
 *   others 0), computed by the criteria explorer's own arithmetic (lib/weights.ts: weighted mean of the
 *   group criterion scores, 95% percentile interval and ties from the shipped bootstrap replicates); the
 *   leaders are the rank-1 methods and every method statistically tied with one of them;
 * - criterion leaders: the leaderboard's own rank 1 on a group criterion score, with its ties;
 * - sanity-check record: per explainer and check, on how many tasks the leaderboard's badge passed,
 *   failed or was inconclusive.
 */
import { sanityBadges, SANITY_METRICS } from './derive';
import { IMPORTANCE_WEIGHT, type UseCase } from './guide-table';
import type { Leaderboard } from './types';
import { explorerData, rankGroup, toQuery, type ExplorerGroup, type Row, type Weights } from './weights';

export interface UseCaseReading {
  readonly useCase: UseCase;
  /** The group's data (null when the leaderboard has no such group). */
  readonly group: ExplorerGroup | null;
  /** Criteria the use case weighs that this group measured, and those it did not. */
  readonly measured: readonly string[];
  readonly unmeasured: readonly string[];
  readonly weights: Weights;
  /** Ranked rows under the weights (the explorer's arithmetic). */
  readonly rows: readonly Row[];
  /** Rank-1 methods and every method tied with one of them; [] when the group is not ranked. */
  readonly leaders: readonly Row[];
  /** The explorer address with these weights, so a reader can check and change them. */
  readonly explorerQuery: string;
}

export function readUseCase(lb: Leaderboard, useCase: UseCase): UseCaseReading {
  const group = explorerData(lb).groups.find((g) => g.group === useCase.group) ?? null;
  const weights: Weights = {};
  for (const n of useCase.needs) weights[n.criterion] = IMPORTANCE_WEIGHT[n.importance];
  const weighed = useCase.needs.map((n) => n.criterion);
  const measured = weighed.filter((c) => group?.criteria.includes(c));
  const unmeasured = weighed.filter((c) => !measured.includes(c));
  const rows = group && measured.length > 0 ? rankGroup(group, weights) : [];
  const firsts = rows.filter((r) => r.rank === 1);
  const leaders = rows.filter((r) => r.rank !== null && (r.rank === 1 || firsts.some((f) => r.tiedWith.includes(f.id))));
  const explorerQuery = group ? toQuery(weights, group.group, group.criteria) : '';
  return { useCase, group, measured, unmeasured, weights, rows, leaders, explorerQuery };
}

export interface CriterionLeader {
  readonly criterion: string;
  readonly leaders: readonly { explainer: string; score: number | null; ci: readonly [number, number] | null }[];
  readonly tiedWith: readonly string[];
}

/** The leaderboard's rank-1 methods on a group criterion (with the methods tied with them); null if not ranked. */
export function criterionLeader(lb: Leaderboard, group: string, criterion: string): CriterionLeader | null {
  const board = lb.groups?.find((g) => g.group === group);
  const scores = board?.ranked ? board.criteria.find((c) => c.criterion === criterion)?.scores ?? [] : [];
  const first = scores.filter((s) => s.rank === 1);
  if (first.length === 0) return null;
  const tied = [...new Set(first.flatMap((s) => s.tiedWith))].filter((e) => !first.some((f) => f.explainer === e)).sort();
  return { criterion, leaders: first.map((s) => ({ explainer: s.explainer, score: s.score, ci: s.ci })), tiedWith: tied };
}

export type SanityRecordVerdict = 'passes-all' | 'fails-all' | 'mixed' | 'none';

export interface SanityRecord {
  readonly explainer: string;
  readonly checks: readonly { metric: string; passed: number; failed: number; unclear: number; verdict: SanityRecordVerdict }[];
}

/**
 * Per explainer, its sanity badges over the tasks where the check ran: passes-all when it passed on every
 * such task, fails-all when it failed on every one, mixed otherwise, none when it never ran.
 */
export function sanityRecords(lb: Leaderboard, explainers: readonly string[]): SanityRecord[] {
  return explainers.map((explainer) => ({
    explainer,
    checks: SANITY_METRICS.map((metric) => {
      let passed = 0;
      let failed = 0;
      let unclear = 0;
      for (const t of lb.tasks) {
        const b = sanityBadges(t, explainer).find((x) => x.metric === metric);
        if (b?.verdict === 'pass') passed++;
        else if (b?.verdict === 'fail') failed++;
        else if (b?.verdict === 'unclear') unclear++;
      }
      const n = passed + failed + unclear;
      const verdict: SanityRecordVerdict = n === 0 ? 'none' : passed === n ? 'passes-all' : failed === n ? 'fails-all' : 'mixed';
      return { metric, passed, failed, unclear, verdict };
    }),
  }));
}

/** Tasks whose leaderboard has a metric of `criterion` (e.g. localisation: the synthetic tasks with a ground truth). */
export const tasksMeasuring = (lb: Leaderboard, criterion: string): string[] =>
  lb.tasks.filter((t) => t.metrics.some((m) => m.criterion === criterion)).map((t) => t.task);
