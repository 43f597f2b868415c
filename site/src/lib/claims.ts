/**
 * Method-card claims checked against the leaderboard's intervals.
 *
 * A claim names evidence metrics and the side of the metric's raw value it expects (`expect`: 'high' or
 * 'low', in the metric's own units, whatever its direction: "runs differ between seeds" expects a low
 * run-to-run similarity). On one task and one metric the claim is judged against the other methods of
 * the explainer's comparison group (its family: attribution, rules, examples, concept-path) that have a
 * value on that board, using the leaderboard's paired bootstrap (leaderboard/aggregate.ts):
 * `tiedWith` lists the methods whose 95% paired-difference interval contains 0.
 *
 * The rule, in order:
 *  1. An interval degenerate at the metric's ideal value (every resampled mean equal to it, e.g. a
 *     run-to-run similarity of exactly 1) settles the claim: supported when the claim expects the ideal
 *     side, contradicted when it expects the other side (a weakness "differs between seeds" beside
 *     perfect reproducibility).
 *  2. Otherwise each other method of the group counts *for* the claim when it is not tied with the
 *     explainer and the explainer's mean is on the claimed side of it, *against* when it is not tied and
 *     the explainer's mean is on the other side, and *tied* otherwise.
 *  3. supported: more than half of the others count for; contradicted: more than half count against;
 *     inconclusive: neither, or no other method of the group has a value on the board.
 * Only the type import below: the site never runs harness code.
 */
import type { MetricBoard, MetricEntry, TaskBoard } from '../../../leaderboard/types.js';

export type ClaimVerdict = 'supported' | 'contradicted' | 'inconclusive';
export type ClaimReason = 'ideal' | 'majority' | 'no-majority' | 'no-group' | 'no-value';
export type Expect = 'high' | 'low';

export interface ClaimJudgement {
  readonly task: string;
  readonly metric: string;
  readonly verdict: ClaimVerdict;
  readonly reason: ClaimReason;
  /** Other methods of the group significantly on the claimed side of / the other side of / tied with the explainer. */
  readonly forClaim: number;
  readonly against: number;
  readonly tied: number;
  /** Other methods of the group with a value on the board. */
  readonly others: number;
  readonly entry: MetricEntry | null;
}

/** Tolerance for "degenerate at the ideal value": the interval's ends equal the ideal up to rounding. */
const EPS = 1e-9;

/** The side of the raw value that is better in the metric's direction; null for descriptive metrics. */
export function idealSide(direction: string): Expect | null {
  return direction === 'higher' ? 'high' : direction === 'lower' ? 'low' : null;
}

function degenerateAtIdeal(entry: MetricEntry, ideal: number | null): boolean {
  if (ideal === null || !entry.ci) return false;
  return Math.abs(entry.ci[0] - ideal) <= EPS && Math.abs(entry.ci[1] - ideal) <= EPS;
}

/**
 * One claim on one metric board. `group` holds the explainers of the explainer's comparison group on the
 * task (the explainer itself may be among them); `ideal` is the metric's ideal value (null: unknown).
 */
export function judgeClaim(
  task: string,
  board: MetricBoard,
  explainer: string,
  group: readonly string[],
  expect: Expect,
  ideal: number | null,
): ClaimJudgement {
  const me = board.entries.find((e) => e.explainer === explainer) ?? null;
  const base = { task, metric: board.metric, forClaim: 0, against: 0, tied: 0, others: 0, entry: me };
  if (!me || me.mean === null) return { ...base, verdict: 'inconclusive', reason: 'no-value' };
  const side = idealSide(board.direction);
  if (side !== null && degenerateAtIdeal(me, ideal)) {
    return { ...base, verdict: side === expect ? 'supported' : 'contradicted', reason: 'ideal' };
  }
  const others = board.entries.filter((e) => e.explainer !== explainer && e.mean !== null && group.includes(e.explainer));
  let forClaim = 0;
  let against = 0;
  for (const o of others) {
    const tied = me.tiedWith.includes(o.explainer) || o.tiedWith.includes(explainer) || o.mean === me.mean;
    if (tied) continue;
    const above = me.mean > (o.mean as number);
    if (above === (expect === 'high')) forClaim++;
    else against++;
  }
  const counts = { forClaim, against, tied: others.length - forClaim - against, others: others.length };
  if (others.length === 0) return { ...base, ...counts, verdict: 'inconclusive', reason: 'no-group' };
  const verdict: ClaimVerdict = forClaim * 2 > others.length ? 'supported' : against * 2 > others.length ? 'contradicted' : 'inconclusive';
  return { ...base, ...counts, verdict, reason: verdict === 'inconclusive' ? 'no-majority' : 'majority' };
}

export interface ClaimSummary {
  readonly metric: string;
  readonly judgements: readonly ClaimJudgement[];
  /** Tasks per verdict, in task order. */
  readonly tasks: Readonly<Record<ClaimVerdict, readonly string[]>>;
}

export interface ClaimContext {
  /** Family (comparison group) of an explainer. */
  readonly familyOf: (explainer: string) => string;
  /** The metric's ideal value, null when unknown. */
  readonly idealOf: (metric: string) => number | null;
}

/** A claim over every task where the explainer has a value on an evidence metric: one summary per metric. */
export function summariseClaim(
  tasks: readonly TaskBoard[],
  explainer: string,
  claim: { readonly evidence: readonly string[]; readonly expect: Expect },
  ctx: ClaimContext,
): ClaimSummary[] {
  const family = ctx.familyOf(explainer);
  return claim.evidence.map((metric) => {
    const judgements = tasks.flatMap((t) => {
      const board = t.metrics.find((m) => m.metric === metric);
      if (!board || !board.entries.some((e) => e.explainer === explainer && e.mean !== null)) return [];
      const group = t.explainers.filter((e) => ctx.familyOf(e) === family);
      return [judgeClaim(t.task, board, explainer, group, claim.expect, ctx.idealOf(metric))];
    });
    const of = (v: ClaimVerdict) => judgements.filter((j) => j.verdict === v).map((j) => j.task);
    return {
      metric,
      judgements,
      tasks: { supported: of('supported'), contradicted: of('contradicted'), inconclusive: of('inconclusive') },
    };
  });
}
