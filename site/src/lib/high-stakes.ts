/**
 * Readings of the leaderboard's `protected` section (leaderboard/protected/, docs/formats.md) for the
 * high-stakes page: one scenario per decision (the synthetic hiring pair, German credit, Boston HMDA,
 * credit_data), each with the measured effect of its protected attribute, the share of attribution
 * explainers gave it (from the task boards), the group gaps whose interval excludes 0, and the reviewer
 * requirements derived for it. Older leaderboards have no section: the page then says so.
 */
import type { Leaderboard } from './types';

export type Section = NonNullable<Leaderboard['protected']>;
export type TaskEvidence = Section['tasks'][number];
export type GapEvidence = Section['groupGaps'][number];
export type Requirement = Section['requirements'][number];

const SCENARIOS = ['hiring', 'german-credit', 'hmda', 'credit-data'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

/** The attribution share a task's explainers gave the protected attribute (mean over inputs, 95% interval). */
export interface Share {
  readonly task: string;
  readonly explainer: string;
  readonly mean: number | null;
  readonly ci: readonly [number, number] | null;
}

export interface Scenario {
  readonly id: ScenarioId;
  readonly tasks: readonly TaskEvidence[];
  readonly shares: readonly Share[];
  /** Gaps whose 95% interval excludes 0, largest first; `compared` counts every gap measured. */
  readonly gaps: readonly GapEvidence[];
  readonly compared: number;
  readonly requirements: readonly Requirement[];
}

export const protectedOf = (lb: Leaderboard): Section | null => lb.protected ?? null;

/** The synthetic pair (hiring-biased, hiring-fair) is one scenario: the detection test needs both. */
const scenarioOf = (dataset: string): string => (dataset.startsWith('hiring-') ? 'hiring' : dataset);

const excludesZero = (ci: readonly [number, number] | null): boolean => ci !== null && (ci[0] > 0 || ci[1] < 0);

function sharesOf(lb: Leaderboard, taskIds: ReadonlySet<string>): Share[] {
  return lb.tasks
    .filter((t) => taskIds.has(t.task))
    .flatMap((t) => {
      const board = t.metrics.find((m) => m.metric === 'protected-attribution-share');
      return (board?.entries ?? []).map((e) => ({ task: t.task, explainer: e.explainer, mean: e.mean, ci: e.ci }));
    });
}

/** The scenarios that have at least one task in the section, in SCENARIOS order. */
export function scenarios(lb: Leaderboard): Scenario[] {
  const section = protectedOf(lb);
  if (!section) return [];
  return SCENARIOS.flatMap((id) => {
    const tasks = section.tasks.filter((t) => scenarioOf(t.dataset) === id);
    if (tasks.length === 0) return [];
    const ids = new Set(tasks.map((t) => t.task));
    const measured = section.groupGaps.filter((g) => ids.has(g.task) && g.gap !== null);
    const gaps = measured.filter((g) => excludesZero(g.gap!.ci)).sort((a, b) => Math.abs(b.gap!.estimate) - Math.abs(a.gap!.estimate));
    const requirements = section.requirements.filter((r) => r.rule !== 'audit-explainers' && ids.has(r.subject.split(' ')[0]));
    return [{ id, tasks, shares: sharesOf(lb, ids), gaps, compared: measured.length, requirements }];
  });
}

/** The requirement about which explainers may serve as evidence (derived from the hiring pair's detection test). */
export const auditRequirement = (section: Section): Requirement | undefined => section.requirements.find((r) => r.rule === 'audit-explainers');
