/**
 * What changed between published leaderboard versions, computed from the history's own files
 * (data/leaderboard/history/<entry>/leaderboard.json.gz, written by site/builder/publish.ts): methods,
 * metrics and tasks added or removed, and, per comparison group, the explainers whose overall rank moved.
 * Each entry is compared with the next older one; the oldest has nothing to compare with.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Leaderboard } from '../../leaderboard/types.js';
import { LEADERBOARD_JSON } from '../../runner/results-store.js';

export interface RankMove {
  readonly group: string;
  readonly explainer: string;
  /** Overall rank in the older version (null: unranked or absent there). */
  readonly from: number | null;
  readonly to: number | null;
}

export interface VersionChanges {
  /** The older entry this one is compared with. */
  readonly since: string;
  readonly methods: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly metrics: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly tasks: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Null when either version has no comparison groups (made before groups existed). */
  readonly rankMoves: readonly RankMove[] | null;
}

/** A history entry's leaderboard (plain or gzipped), or null when it has none. */
export function historyLeaderboard(dir: string): Partial<Leaderboard> | null {
  const plain = join(dir, LEADERBOARD_JSON);
  if (existsSync(plain)) return JSON.parse(readFileSync(plain, 'utf8')) as Partial<Leaderboard>;
  if (existsSync(`${plain}.gz`)) return JSON.parse(gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8')) as Partial<Leaderboard>;
  return null;
}

const setOf = (xs: Iterable<string>) => new Set(xs);
const diff = (a: Set<string>, b: Set<string>) => ({
  added: [...b].filter((x) => !a.has(x)).sort(),
  removed: [...a].filter((x) => !b.has(x)).sort(),
});
const methodsOf = (lb: Partial<Leaderboard>) => setOf((lb.tasks ?? []).flatMap((t) => t.explainers));
const metricsOf = (lb: Partial<Leaderboard>) => setOf((lb.tasks ?? []).flatMap((t) => t.metrics.map((m) => m.metric)));
const tasksOf = (lb: Partial<Leaderboard>) => setOf((lb.tasks ?? []).map((t) => t.task));

/** Per group, each explainer's overall rank. */
function overallRanks(lb: Partial<Leaderboard>): Map<string, Map<string, number | null>> | null {
  if (!lb.groups) return null;
  return new Map(lb.groups.map((g) => [g.group, new Map(g.overall.map((o) => [o.explainer, o.rank]))]));
}

/** Explainers whose overall rank differs (or that gained or lost one) in a group present in both versions. */
export function rankMoves(older: Partial<Leaderboard>, newer: Partial<Leaderboard>): RankMove[] | null {
  const a = overallRanks(older);
  const b = overallRanks(newer);
  if (!a || !b) return null;
  const moves: RankMove[] = [];
  for (const [group, ranks] of b) {
    const before = a.get(group);
    if (!before) continue;
    for (const explainer of [...new Set([...before.keys(), ...ranks.keys()])].sort()) {
      const from = before.get(explainer) ?? null;
      const to = ranks.get(explainer) ?? null;
      if (from !== to) moves.push({ group, explainer, from, to });
    }
  }
  return moves;
}

export function versionChanges(since: string, older: Partial<Leaderboard>, newer: Partial<Leaderboard>): VersionChanges {
  return {
    since,
    methods: diff(methodsOf(older), methodsOf(newer)),
    metrics: diff(metricsOf(older), metricsOf(newer)),
    tasks: diff(tasksOf(older), tasksOf(newer)),
    rankMoves: rankMoves(older, newer),
  };
}
