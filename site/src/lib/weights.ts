/**
 * The criteria explorer's arithmetic, shared by the page (the no-JavaScript default ranking) and its
 * script (live updates), so both always agree. It works on one comparison group at a time (the
 * leaderboard's `groups`, leaderboard/groups.ts): explainers of different families are never
 * ranked together.
 *
 * A reader's weighted score of an explainer is the weighted mean of its group criterion scores over the
 * criteria with a score and a weight; the same weights applied to every bootstrap replicate of the
 * criterion scores (shipped in leaderboard.json) give its 95% percentile interval, and two explainers
 * are tied when the interval of their paired replicate difference contains 0. Ranks are given only in
 * a group the leaderboard ranks, and only to explainers it ranks.
 */
import { percentileInterval } from './quantile.js';
import type { GroupBoard, Leaderboard } from './types';

export const CRITERIA_ORDER = ['fidelity', 'completeness', 'stability', 'sanity', 'localisation', 'complexity', 'cost', 'human'] as const;

export type Weights = Record<string, number>;

export const PRESETS: Readonly<Record<string, Weights>> = {
  balanced: { fidelity: 1, completeness: 1, stability: 1, sanity: 1, localisation: 1, complexity: 1, cost: 1, human: 1 },
  auditor: { fidelity: 3, completeness: 2, stability: 2, sanity: 3, localisation: 1, complexity: 0, cost: 0, human: 1 },
  'end-user': { fidelity: 1, completeness: 0, stability: 2, sanity: 1, localisation: 0, complexity: 3, cost: 1, human: 3 },
  researcher: { fidelity: 2, completeness: 2, stability: 2, sanity: 2, localisation: 2, complexity: 1, cost: 1, human: 1 },
};
export const DEFAULT_PRESET = 'balanced';

/**
 * A preset's weights on the criteria a leaderboard measured; the others are left out (0), so a preset
 * never weighs a criterion with no measurements (the human criterion before any rating study).
 */
export function presetFor(name: string, measured: readonly string[]): Weights {
  const p = PRESETS[name] ?? PRESETS[DEFAULT_PRESET];
  return Object.fromEntries(CRITERIA_ORDER.map((c) => [c, measured.includes(c) ? (p[c] ?? 0) : 0]));
}
export const MAX_WEIGHT = 5;
const LEVEL = 0.95;

export interface ExplorerMember {
  readonly id: string;
  readonly ranked: boolean;
  readonly coverage: number;
  readonly reason: string | null;
}

export interface ExplorerGroup {
  readonly group: string;
  readonly ranked: boolean;
  /** Criteria with a score in this group, in CRITERIA_ORDER. */
  readonly criteria: readonly string[];
  readonly members: readonly ExplorerMember[];
  /** The scored explainers, in the order of `point` and `replicates`. */
  readonly scored: readonly string[];
  /** point[i][j]: the score of scored[i] on criteria[j]. */
  readonly point: readonly (readonly (number | null)[])[];
  /** replicates[b][i][j], as point. */
  readonly replicates: readonly (readonly (readonly (number | null)[])[])[];
}

export interface ExplorerData {
  readonly groups: readonly ExplorerGroup[];
}

export interface Row {
  readonly id: string;
  readonly score: number | null;
  readonly ci: readonly [number, number] | null;
  readonly rank: number | null;
  readonly tiedWith: readonly string[];
  readonly criteria: Record<string, number | null>;
  /** Share of the group's (data set x metric) cells the explainer has a value for (the ranking rule's coverage). */
  readonly coverage: number;
}

function explorerGroup(g: GroupBoard): ExplorerGroup {
  const rep = g.replicates;
  const criteria = CRITERIA_ORDER.filter((c) => rep?.criteria.includes(c as never));
  const scored = rep?.explainers ?? [];
  const col = (c: string) => rep!.criteria.indexOf(c as never);
  const scoreOf = (e: string, c: string) => g.criteria.find((x) => x.criterion === c)?.scores.find((s) => s.explainer === e)?.score ?? null;
  return {
    group: g.group,
    ranked: g.ranked,
    criteria,
    members: g.explainers.map((e) => ({ id: e.explainer, ranked: e.ranked, coverage: e.coverage, reason: e.reason })),
    scored,
    point: scored.map((e) => criteria.map((c) => scoreOf(e, c))),
    replicates: rep ? rep.values.map((b) => b.map((row) => criteria.map((c) => row[col(c)]))) : [],
  };
}

export function explorerData(lb: Leaderboard): ExplorerData {
  return { groups: (lb.groups ?? []).map(explorerGroup) };
}

/** Weighted mean of one explainer's criterion scores; null when no weighted criterion has a score. */
function weighted(scores: readonly (number | null)[], w: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  scores.forEach((s, j) => {
    if (s !== null && w[j] > 0) {
      num += w[j] * s;
      den += w[j];
    }
  });
  return den > 0 ? num / den : null;
}

const interval = (xs: number[]): [number, number] | null => (xs.length < 2 ? null : percentileInterval(xs, LEVEL));

/** The group's explainers under `weights`: scored ones by score (ties marked), then the others. */
export function rankGroup(g: ExplorerGroup, weights: Weights): Row[] {
  const w = g.criteria.map((c) => weights[c] ?? 0);
  const points = g.point.map((row) => weighted(row, w));
  const reps = g.replicates.map((b) => b.map((row) => weighted(row, w)));
  const member = (id: string) => g.members.find((m) => m.id === id);
  const rankable = (i: number) => g.ranked && member(g.scored[i])?.ranked === true && points[i] !== null;
  const rows = g.scored.map((id, i) => {
    const ci = points[i] === null ? null : interval(reps.map((r) => r[i]).filter((x): x is number => x !== null));
    const tiedWith = g.scored.filter((_, k) => {
      if (k === i || points[i] === null || points[k] === null) return false;
      const d = interval(reps.filter((r) => r[i] !== null && r[k] !== null).map((r) => r[i]! - r[k]!));
      return d === null || (d[0] <= 0 && d[1] >= 0);
    });
    const rank = rankable(i) ? 1 + points.filter((p, k) => rankable(k) && p! > points[i]!).length : null;
    const criteria = Object.fromEntries(g.criteria.map((c, j) => [c, g.point[i][j]]));
    return { id, score: points[i], ci, rank, tiedWith, criteria, coverage: member(id)?.coverage ?? 0 };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id));
  return rows;
}

/** The leaderboard's own equal-weight ranking of a group (exact, not recomputed from rounded replicates). */
export function leaderboardRows(board: GroupBoard, g: ExplorerGroup): Row[] {
  return [...board.overall]
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.explainer.localeCompare(b.explainer))
    .map((o) => {
      const i = g.scored.indexOf(o.explainer);
      const criteria = Object.fromEntries(g.criteria.map((c, j) => [c, i >= 0 ? g.point[i][j] : null]));
      const coverage = g.members.find((m) => m.id === o.explainer)?.coverage ?? 0;
      return { id: o.explainer, score: o.score, ci: o.ci, rank: o.rank, tiedWith: o.tiedWith, criteria, coverage };
    });
}

/** Group, weights and preset from a URL query; unknown or out-of-range values fall back; unmeasured criteria weigh 0. */
export function fromQuery(
  search: string,
  groups: readonly string[],
  measured: readonly string[] = CRITERIA_ORDER,
): { weights: Weights; group: string; preset: string | null } {
  const q = new URLSearchParams(search);
  const preset = q.get('preset');
  const base = presetFor(preset && PRESETS[preset] ? preset : DEFAULT_PRESET, measured);
  for (const c of CRITERIA_ORDER) {
    const raw = q.get(c);
    if (raw === null) continue;
    const v = Number(raw);
    if (Number.isInteger(v) && v >= 0 && v <= MAX_WEIGHT && measured.includes(c)) base[c] = v;
  }
  const asked = q.get('group') ?? '';
  const group = groups.includes(asked) ? asked : (groups[0] ?? '');
  return { weights: base, group, preset: preset && PRESETS[preset] ? preset : null };
}

export function toQuery(weights: Weights, group: string, criteria: readonly string[]): string {
  const q = new URLSearchParams();
  q.set('group', group);
  for (const c of criteria) q.set(c, String(weights[c] ?? 0));
  return `?${q.toString()}`;
}
