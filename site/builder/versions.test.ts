/** What changed between leaderboard versions: worked examples, and the committed history itself. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Leaderboard } from '../../leaderboard/types.js';
import { packageRoot } from '../../core/package-root.js';
import { historyLeaderboard, rankMoves, versionChanges } from './versions.js';
import { versionEntries } from './site-facts.js';

/** A leaderboard with the given tasks (explainers × metrics) and one group's overall ranks. */
type Tasks = Record<string, { explainers: string[]; metrics: string[] }>;

function lb(tasks: Tasks, ranks?: Record<string, number | null>): Partial<Leaderboard> {
  return {
    tasks: Object.entries(tasks).map(([task, t]) => ({ task, explainers: t.explainers, metrics: t.metrics.map((metric) => ({ metric })) })),
    groups: ranks && [{ group: 'attribution', overall: Object.entries(ranks).map(([explainer, rank]) => ({ explainer, rank })) }],
  } as unknown as Partial<Leaderboard>;
}

describe('versionChanges', () => {
  it('names the methods, metrics and tasks added and removed, and the ranks that moved', () => {
    const older = lb({ a: { explainers: ['lime', 'gradient'], metrics: ['sparseness'] } }, { lime: 1, gradient: 2 });
    const newer = lb(
      { a: { explainers: ['lime', 'gradient', 'lrp'], metrics: ['mprt'] }, b: { explainers: ['lime'], metrics: ['mprt'] } },
      { lime: 2, gradient: 2, lrp: 1 },
    );
    expect(versionChanges('v1', older, newer)).toEqual({
      since: 'v1',
      methods: { added: ['lrp'], removed: [] },
      metrics: { added: ['mprt'], removed: ['sparseness'] },
      tasks: { added: ['b'], removed: [] },
      rankMoves: [
        { group: 'attribution', explainer: 'lime', from: 1, to: 2 },
        { group: 'attribution', explainer: 'lrp', from: null, to: 1 },
      ],
    });
  });

  it('says nothing moved when nothing did, and cannot compare without groups', () => {
    const x = lb({ a: { explainers: ['lime'], metrics: ['mprt'] } }, { lime: 1 });
    expect(versionChanges('v', x, x).rankMoves).toEqual([]);
    expect(rankMoves(lb({ a: { explainers: [], metrics: [] } }), x)).toBeNull();
  });
});

describe('the committed history', () => {
  const root = join(packageRoot(), 'data', 'leaderboard');
  const names = readdirSync(join(root, 'history')).sort().reverse();

  it('gives every entry but the last its changes since the next, recomputed from the files', () => {
    const entries = versionEntries(root, names);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries.at(-1)!.changes).toBeNull();
    for (let i = 0; i + 1 < names.length; i++) {
      const older = historyLeaderboard(join(root, 'history', names[i + 1]))!;
      const newer = historyLeaderboard(join(root, 'history', names[i]))!;
      expect(entries[i].changes).toEqual(versionChanges(names[i + 1], older, newer));
      expect(entries[i].files).toContain('leaderboard.json.gz');
    }
    // publication.json names the current entry.
    expect(entries.filter((e) => e.current)).toHaveLength(1);
  });
});
