/**
 * The criteria explorer's arithmetic, shared by the page (the no-JavaScript default ranking) and its
 * script (live updates), so both always agree.
 *
 * Normalisation: within a task and metric, explainers are ranked (competition ranks, ties share the
 * better rank); rank r among k ranked explainers scores (k - r) / (k - 1), 1 for the best and 0 for the
 * worst. A criterion's score on a task is the (weighted) mean over its metrics; over tasks, the mean
 * over the tasks where the explainer has it; overall, the weighted mean over criteria with a score.
 * Missing scores are left out, never counted as zero: `coverage` says how much of the weight a score
 * rests on.
 */
import { humanRankScores } from './human';
import type { Leaderboard } from './types';

export const CRITERIA_ORDER = ['fidelity', 'completeness', 'stability', 'sanity', 'localisation', 'complexity', 'cost', 'human'] as const;

export type Weights = Record<string, number>;

export const PRESETS: Readonly<Record<string, Weights>> = {
  balanced: { fidelity: 1, completeness: 1, stability: 1, sanity: 1, localisation: 1, complexity: 1, cost: 1, human: 1 },
  auditor: { fidelity: 3, completeness: 2, stability: 2, sanity: 3, localisation: 1, complexity: 0, cost: 0, human: 1 },
  'end-user': { fidelity: 1, completeness: 0, stability: 2, sanity: 1, localisation: 0, complexity: 3, cost: 1, human: 3 },
  researcher: { fidelity: 2, completeness: 2, stability: 2, sanity: 2, localisation: 2, complexity: 1, cost: 1, human: 1 },
};
export const DEFAULT_PRESET = 'balanced';
export const MAX_WEIGHT = 5;

/** Human-criterion metrics measuring engagement (conversation turns per session): weight 0 unless asked for. */
export const isCps = (metric: string) => /(^|[-_:])cps($|[-_:])/i.test(metric);

export interface ExplorerTask {
  readonly id: string;
  readonly kind: string;
  /** criterion -> explainer -> metric -> rank score in [0, 1]. */
  readonly scores: Record<string, Record<string, Record<string, number>>>;
}

export interface ExplorerData {
  readonly explainers: readonly { readonly id: string; readonly family: string }[];
  readonly tasks: readonly ExplorerTask[];
  readonly cpsMetrics: readonly string[];
}

export interface Options {
  readonly kind: string;
  readonly cps: boolean;
}

export interface Row {
  readonly id: string;
  readonly family: string;
  readonly score: number | null;
  readonly coverage: number;
  readonly criteria: Record<string, number | null>;
  rank: number | null;
}

export function explorerData(lb: Leaderboard, explainers: readonly string[], familyOf: (id: string) => string, kindOf: (task: string) => string): ExplorerData {
  const cps = new Set<string>();
  // Survey ratings are per method, not per task: they join every task's human criterion.
  const human = humanRankScores(lb);
  for (const m of Object.values(human)) for (const key of Object.keys(m)) if (isCps(key)) cps.add(key);
  const tasks = lb.tasks.map((t) => {
    const scores: ExplorerTask['scores'] = {};
    for (const c of t.criteria) {
      const byExplainer: Record<string, Record<string, number>> = {};
      for (const mid of c.metrics) {
        const board = t.metrics.find((m) => m.metric === mid);
        if (!board || board.ranked < 2) continue;
        if (isCps(mid)) cps.add(mid);
        for (const e of board.entries) {
          if (e.rank === null) continue;
          (byExplainer[e.explainer] ??= {})[mid] = (board.ranked - e.rank) / (board.ranked - 1);
        }
      }
      scores[c.criterion] = byExplainer;
    }
    if (!scores.human && Object.keys(human).length > 0) scores.human = human;
    return { id: t.task, kind: kindOf(t.task), scores };
  });
  return { explainers: explainers.map((id) => ({ id, family: familyOf(id) })), tasks, cpsMetrics: [...cps] };
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

export function rankExplainers(data: ExplorerData, weights: Weights, o: Options): Row[] {
  const tasks = data.tasks.filter((t) => o.kind === 'all' || t.kind === o.kind);
  const rows: Row[] = data.explainers.map(({ id, family }) => {
    const criteria: Record<string, number | null> = {};
    for (const c of CRITERIA_ORDER) {
      const perTask: number[] = [];
      for (const t of tasks) {
        const m = t.scores[c]?.[id];
        if (!m) continue;
        const vals = Object.entries(m).filter(([mid]) => o.cps || !isCps(mid)).map(([, v]) => v);
        const s = mean(vals);
        if (s !== null) perTask.push(s);
      }
      criteria[c] = mean(perTask);
    }
    let num = 0;
    let den = 0;
    let all = 0;
    for (const c of CRITERIA_ORDER) {
      const w = weights[c] ?? 0;
      all += w;
      const s = criteria[c];
      if (w > 0 && s !== null) {
        num += w * s;
        den += w;
      }
    }
    return { id, family, score: den > 0 ? num / den : null, coverage: all > 0 ? den / all : 0, criteria, rank: null };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id));
  rows.forEach((r, i) => {
    if (r.score === null) return;
    const prev = rows[i - 1];
    r.rank = prev && prev.score !== null && Math.abs(prev.score - r.score) < 1e-9 ? prev.rank : i + 1;
  });
  return rows;
}

/** Weights, data type and CPS choice from a URL query; unknown or out-of-range values fall back. */
export function fromQuery(search: string): { weights: Weights; kind: string; cps: boolean; preset: string | null } {
  const q = new URLSearchParams(search);
  const preset = q.get('preset');
  const base = { ...(PRESETS[preset ?? ''] ?? PRESETS[DEFAULT_PRESET]) };
  for (const c of CRITERIA_ORDER) {
    const raw = q.get(c);
    if (raw === null) continue;
    const v = Number(raw);
    if (Number.isInteger(v) && v >= 0 && v <= MAX_WEIGHT) base[c] = v;
  }
  const kind = q.get('data') ?? 'all';
  return { weights: base, kind, cps: q.get('cps') === '1', preset: preset && PRESETS[preset] ? preset : null };
}

export function toQuery(weights: Weights, kind: string, cps: boolean): string {
  const q = new URLSearchParams();
  for (const c of CRITERIA_ORDER) q.set(c, String(weights[c] ?? 0));
  if (kind !== 'all') q.set('data', kind);
  if (cps) q.set('cps', '1');
  return `?${q.toString()}`;
}
