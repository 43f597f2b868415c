import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli.js';

// A small but mixed slice: deterministic and seeded explainers, a re-explaining metric, cost counts.
const SLICE = ['--profile', 'smoke', '--tasks', 'iris-mlp,mnist-cnn', '--explainers', 'gradient,kernel-shap,random', '--metrics', 'deletion-auc,sparseness,run-to-run,completeness-gap,forward-passes', '--quiet'];
let base: string;

const leaderboard = (dir: string) => {
  const lb = JSON.parse(readFileSync(join(dir, 'leaderboard.json'), 'utf8'));
  delete lb.generatedAt;
  return lb;
};
const values = (dir: string) =>
  Object.fromEntries(
    readFileSync(join(dir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => [`${r.task}|${r.explainer}|${r.metric}|${JSON.stringify(r.variant ?? null)}`, r.values]),
  );

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'xai-bench-parallel-'));
  for (const [name, extra] of [
    ['jobs1', ['--jobs', '1']],
    ['jobs2', ['--jobs', '2']],
    ['shard1', ['--shard', '1/2', '--jobs', '1']],
    ['shard2', ['--shard', '2/2', '--jobs', '1']],
  ] as const) {
    const r = cli(['run', ...SLICE, ...extra, '--out', join(base, name)]);
    if (r.code !== 0) throw new Error(`${name}: ${r.stderr}`);
  }
});

describe('parallel and sharded runs', () => {
  it('--jobs 2 gives exactly the numbers and leaderboard of --jobs 1', () => {
    expect(values(join(base, 'jobs2'))).toEqual(values(join(base, 'jobs1')));
    expect(leaderboard(join(base, 'jobs2'))).toEqual(leaderboard(join(base, 'jobs1')));
  });

  it('shards partition the cells, and merged they give the single run\'s leaderboard', () => {
    const a = values(join(base, 'shard1'));
    const b = values(join(base, 'shard2'));
    expect(Object.keys(a).filter((k) => k in b)).toEqual([]);
    expect({ ...a, ...b }).toEqual(values(join(base, 'jobs1')));
    const r = cli(['aggregate', join(base, 'shard1'), join(base, 'shard2'), '--out', join(base, 'merged'), '--resamples', '200']);
    expect(r.code, r.stderr).toBe(0);
    expect(leaderboard(join(base, 'merged'))).toEqual(leaderboard(join(base, 'jobs1')));
  });

  it('refuses a malformed shard', () => {
    const r = cli(['run', ...SLICE, '--shard', '3/2', '--out', join(base, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard 3\/2: expected i\/n/);
  });
});
