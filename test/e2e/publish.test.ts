/**
 * Publishing a finished run (`npm run publish -- --from DIR`) and making it a ci baseline
 * (`npm run baselines -- --from DIR`), on a copy of the shared smoke run: the published folder keeps
 * the numbers (results gzipped), a history entry, the gallery and its pictures, and reads back as a run
 * folder; the baseline holds the same records; bad sources are refused with one line. Publishing runs in
 * a throwaway git checkout (it refuses a dirty tree and records the commit).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { baselineFrom } from '../../leaderboard/ci/make-baselines.js';
import { readRunFolders } from '../../runner/results-store.js';
import { benchPerformance } from '../../site/builder/performance.js';
import { publish } from '../../site/builder/publish.js';
import { commitAll, gitFixture } from '../helpers/git-fixture.js';

const smoke = inject('smoke');
let work: string;
let repo: string;

beforeAll(() => {
  expect(smoke.code, smoke.stderr).toBe(0);
  work = mkdtempSync(join(tmpdir(), 'xai-bench-publish-'));
  repo = gitFixture();
});

describe('publishing a finished run', () => {
  it('writes the leaderboard, gzipped results, a history entry and the gallery, and reads back as a run', async () => {
    const to = join(repo, 'leaderboard');
    const r = await publish({ from: smoke.dir, to, site: false, repo });
    const commit = commitAll(repo, 'published');
    for (const f of ['leaderboard.json', 'catalog.json', 'run.json', 'summary.md', 'results.jsonl.gz', 'gallery.json']) expect(existsSync(join(to, f)), f).toBe(true);
    expect(existsSync(join(to, 'results.jsonl'))).toBe(false);
    const plain = readFileSync(join(smoke.dir, 'results.jsonl'));
    expect(gunzipSync(readFileSync(join(to, 'results.jsonl.gz'))).equals(plain)).toBe(true);
    const hist = join(to, 'history', r.version);
    // The benchmark's own speed travels with the version when the checkout has bench results (it does:
    // tools/bench/results is committed), in the current folder and in the history.
    const perf = benchPerformance();
    expect(readdirSync(hist).sort()).toEqual(['catalog.json', 'leaderboard.json.gz', ...(perf ? ['performance.json'] : []), 'publication.json', 'run.json', 'summary.md']);
    if (perf) {
      expect(JSON.parse(readFileSync(join(to, 'performance.json'), 'utf8'))).toEqual(perf);
      expect(readFileSync(join(hist, 'performance.json'), 'utf8')).toBe(readFileSync(join(to, 'performance.json'), 'utf8'));
    }
    expect(JSON.parse(gunzipSync(readFileSync(join(hist, 'leaderboard.json.gz'))).toString('utf8'))).toEqual(JSON.parse(readFileSync(join(smoke.dir, 'leaderboard.json'), 'utf8')));
    const gallery = JSON.parse(readFileSync(join(to, 'gallery.json'), 'utf8')) as { tasks: unknown[] };
    expect(gallery.tasks.length).toBeGreaterThan(0);
    const [back] = readRunFolders([to]);
    const [source] = readRunFolders([smoke.dir]);
    expect(back.records).toEqual(source.records);
    // The second publication (the first one committed) gets an entry of its own; the first stays as it was.
    const first = readFileSync(join(hist, 'leaderboard.json.gz'));
    const again = await publish({ from: smoke.dir, to, site: false, repo });
    expect(again.version).not.toBe(r.version);
    expect(again.version).toMatch(new RegExp(`^\\d+\\.\\d+\\.\\d+-${commit.slice(0, 7)}$`));
    expect(readFileSync(join(hist, 'leaderboard.json.gz')).equals(first)).toBe(true);
    expect(JSON.parse(readFileSync(join(to, 'history', again.version, 'publication.json'), 'utf8'))).toMatchObject({ commit, entry: again.version });
  });

  it('refuses a dirty git tree in one line and writes nothing', async () => {
    const to = join(repo, 'leaderboard');
    // The last publication is not committed yet: changed files and a new untracked history entry under data/leaderboard/.
    await expect(publish({ from: smoke.dir, to, site: false, repo })).rejects.toThrow(/^publish: .*(has uncommitted changes \(\d+ files?, e\.g\. leaderboard\/|leaderboard holds untracked files)/);
    commitAll(repo, 'published again');
    writeFileSync(join(repo, 'code.ts'), 'export const changed = 1;\n');
    const entries = readdirSync(join(to, 'history')).sort();
    await expect(publish({ from: smoke.dir, to, site: false, repo })).rejects.toThrow(/^publish: the git tree at .* has uncommitted changes \(1 file, e\.g\. code\.ts\)/);
    expect(readdirSync(join(to, 'history')).sort()).toEqual(entries);
  });

  it('refuses a run that is not complete, with one line', async () => {
    const dir = join(work, 'unfinished');
    cpSync(smoke.dir, dir, { recursive: true });
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run, status: 'interrupted' }));
    await expect(publish({ from: dir, to: join(work, 'never'), site: false, repo: gitFixture() })).rejects.toThrow(/the run is not complete \(status interrupted\)/);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('a finished run as a ci baseline', () => {
  it('keeps run.json, the summary and the gzipped results; ci reads the same records', () => {
    const out = baselineFrom(smoke.dir, join(work, 'baselines'));
    expect(readdirSync(out).sort()).toEqual(['results.jsonl.gz', 'run.json', 'summary.md']);
    expect(readRunFolders([out])[0].records).toEqual(readRunFolders([smoke.dir])[0].records);
  });

  it('refuses a subset of the profile, --set overrides and shards', () => {
    const dir = join(work, 'subset');
    cpSync(smoke.dir, dir, { recursive: true });
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    const write = (config: object) => writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run, config: { ...run.config, ...config } }));
    // A real subset: the plan and its rows (a row outside the plan is refused on its own, by readRunFolders).
    const rows = readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"task":"iris-mlp"'));
    writeFileSync(join(dir, 'results.jsonl'), `${rows.join('\n')}\n`);
    write({ tasks: ['iris-mlp'] });
    expect(() => baselineFrom(dir, join(work, 'b2'))).toThrow(/ran a subset of the smoke profile's tasks/);
    write({ sets: { 'lime.samples': 50 } });
    expect(() => baselineFrom(dir, join(work, 'b2'))).toThrow(/--set overrides \(lime.samples\)/);
    write({ shard: '1/2' });
    expect(() => baselineFrom(dir, join(work, 'b2'))).toThrow(/a shard \(1\/2\)/);
    expect(existsSync(join(work, 'b2'))).toBe(false);
  });
});
