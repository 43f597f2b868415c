import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../test/helpers/result-records.js';
import { RunStore } from './results-store.js';
import type { RunInfo } from './run-info.js';
import { RUN_LOCK } from './run-lock.js';
import { type ExistingRun, openRunFolder } from './run-open.js';
import { validate } from '../core/schemas.js';

const root = mkdtempSync(join(tmpdir(), 'xai-bench-open-'));
let n = 0;

/** Opens `dir` as a run of seed `seed` (the configuration compared here), returning the run and the notes. */
function open(dir: string, existing: ExistingRun, seed = 1) {
  const notes: string[] = [];
  const store = new RunStore(dir);
  const opened = openRunFolder({
    store,
    existing,
    breakLock: false,
    differs: (p) => (p.seed === seed ? null : `${dir} was run with --seed ${p.seed}`),
    fresh: () => makeRun('new', { seed, status: 'running' }),
    resumed: (p) => ({ ...p, status: 'running', resumes: [{ at: new Date().toISOString(), commit: null, backend: 'cpu' }] }),
    note: (l) => notes.push(l),
  });
  opened.lock.release();
  return { ...opened, notes, store };
}

function withRun(run: RunInfo, files: Record<string, string> = {}): string {
  const dir = join(root, `run-${n++}`);
  new RunStore(dir).writeRunJson(run);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('opening a run folder', () => {
  it('resumes a run of the same configuration without --resume, and says so', () => {
    const dir = withRun(makeRun('old', { status: 'failed', error: 'boom' }), { 'results.jsonl': '' });
    const r = open(dir, 'auto');
    expect(r.run.id).toBe('old');
    expect(r.notes).toEqual([expect.stringMatching(/resuming the failed run old \(\d+ of \d+ cells done\)/)]);
    expect(existsSync(join(dir, 'results.jsonl'))).toBe(true);
  });

  it('refuses a run of another configuration in one line, keeping every file, unless --overwrite', () => {
    const dir = withRun(makeRun('old', { seed: 2 }), { 'results.jsonl': '{"kept":1}\n' });
    expect(() => open(dir, 'auto')).toThrow(/was run with --seed 2; pass --overwrite to replace that run, or use another --out$/);
    expect(() => open(dir, 'resume')).toThrow(/^--resume: .* was run with --seed 2; resume with the same options/);
    expect(readdirSync(dir).sort()).toEqual(['results.jsonl', 'run.json']);
    const r = open(dir, 'overwrite');
    expect(r.run.id).toBe('new');
    expect(r.notes[0]).toMatch(/replacing the earlier complete run old/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a complete run of the same configuration as it is', () => {
    const dir = withRun(makeRun('done'), { 'leaderboard.json': '{}' });
    const r = open(dir, 'auto');
    expect(r.complete).toBe(true);
    expect(r.notes[0]).toMatch(/already complete; nothing to compute/);
  });

  it('marks a run left "running" by a dead process interrupted, and the resume says so', () => {
    const dir = withRun(makeRun('killed', { status: 'running' }));
    const pid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const at = new Date(Date.now() - 5000).toISOString();
    writeFileSync(join(dir, RUN_LOCK), JSON.stringify({ host: hostname(), pid, token: 't', procStart: null, startedAt: at, heartbeatAt: at }));
    const r = open(dir, 'resume');
    expect(r.notes[0]).toMatch(new RegExp(`taking over the stale run lock of pid ${pid}`));
    expect(r.notes[1]).toMatch(new RegExp(`the earlier run stopped while running \\(last heartbeat ${at} from pid ${pid}.*\\); marked interrupted`));
    expect(r.notes[2]).toMatch(/resuming the interrupted run killed/);
    // Refused opens also leave the stale run marked (a true fact about it), schema-valid.
    const other = withRun(makeRun('killed', { status: 'running' }));
    expect(() => open(other, 'auto', 5)).toThrow(/--seed 1/);
    expect(r.store.readRunJson()?.status).toBe('interrupted');
    expect(new RunStore(other).readRunJson()?.status).toBe('interrupted');
    expect(validate('run', new RunStore(other).readRunJson())).toEqual([]);
  });

  it('refuses --resume on a folder with no run, leaving no folder behind', () => {
    const dir = join(root, `none-${n++}`);
    expect(() => open(dir, 'resume')).toThrow(/^--resume: .* holds no run to resume/);
    expect(existsSync(dir)).toBe(false);
  });
});
