import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { procStart } from '../../runner/run-lock.js';
import { validate } from '../../core/schemas.js';
import { cli, cliAsync } from './cli.js';

const smoke = inject('smoke');
const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0) : []);

describe('a run killed at any moment and resumed', () => {
  it('keeps every finished cell byte for byte, recomputes none, and ends with the uninterrupted numbers', async () => {
    const dir = `${smoke.dir}-killed`;
    const results = join(dir, 'results.jsonl');
    const child = cliAsync(['run', '--profile', 'smoke', '--out', dir, '--quiet']);
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    // Kill -9 once some cells are done: no chance to clean up.
    for (let i = 0; i < 6000 && lines(results).length < 12; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const before = lines(results);
    expect(before.length, 'the run finished before it could be killed').toBeGreaterThanOrEqual(12);
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(run.status).toBe('running');
    // As a run that failed: the resumed run must not carry the failed attempt's error.
    writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run, status: 'failed', error: 'the failed attempt' }));
    // Simulate a write torn by the kill.
    appendFileSync(results, '{"schema":"xai-bench/result@1","run":"x","ta');

    const r = cli(['run', '--profile', 'smoke', '--out', dir, '--resume', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // The killed run's lock was left behind: its pid is gone, so it is taken over, and the torn line is reported.
    expect(r.stderr).toMatch(/taking over the stale run lock of pid \d+ .*is not running/);
    expect(r.stderr).toMatch(/results\.jsonl: dropped its last line, cut mid-line/);
    expect(r.stderr).toMatch(/resuming the failed run /);
    expect(existsSync(join(dir, 'run.lock'))).toBe(false);
    const after = lines(results);
    // Finished lines are kept as they were (not recomputed, not rewritten), in the same order.
    expect(after.slice(0, before.length)).toEqual(before);
    const recs = after.map((l) => JSON.parse(l));
    // A cell's setting variants are written with it, so they too are neither lost nor duplicated.
    const keyOf = (x: { task: string; explainer: string; metric: string; variant?: unknown }) => `${x.task}|${x.explainer}|${x.metric}|${JSON.stringify(x.variant ?? null)}`;
    const keys = recs.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    const full = lines(join(smoke.dir, 'results.jsonl')).map((l) => JSON.parse(l));
    expect(recs.length).toBe(full.length);
    for (const f of full) {
      const x = recs.find((y) => keyOf(y) === keyOf(f));
      expect(x, keyOf(f)).toBeDefined();
      if (f.metric === 'seconds' || f.metric === 'extraction-seconds') continue; // wall time differs between runs by nature
      expect(x.values, `${f.task}|${f.explainer}|${f.metric}`).toEqual(f.values);
    }
    const resumed = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(resumed.status).toBe('complete');
    expect(resumed.error).toBeUndefined();
    expect(resumed.resumes).toHaveLength(1);
    expect(resumed.resumes[0].backend).toBe(run.backend);
    expect(validate('run', resumed)).toEqual([]);
  });

  it('refuses a second run on a locked folder in one line naming the holder, and resumes a complete run at once', () => {
    const dir = `${smoke.dir}-locked`;
    cpSync(smoke.dir, dir, { recursive: true });
    const before = readFileSync(join(dir, 'results.jsonl'));
    // A live holder on this host: this test process.
    const now = new Date().toISOString();
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ host: hostname(), pid: process.pid, token: 'live', procStart: procStart(process.pid), startedAt: now, heartbeatAt: now }));
    const refused = cli(['run', '--profile', 'smoke', '--out', dir, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`in use by the run of pid ${process.pid} on host ${hostname()} .*--break-lock`))]);
    const again = cli(['run', '--profile', 'smoke', '--out', dir, '--quiet', '--break-lock']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/--break-lock: taking over the run lock/);
    expect(again.stderr).toMatch(/already complete; nothing to compute/);
    expect(readFileSync(join(dir, 'results.jsonl')).equals(before)).toBe(true);
    const other = cli(['run', '--profile', 'smoke', '--out', dir, '--seed', '3', '--quiet']);
    expect(other.code).toBe(2);
    expect(other.stderr.trim().split('\n')).toEqual([expect.stringMatching(/was run with --profile smoke --seed 0; pass --overwrite to replace that run/)]);
    expect(readFileSync(join(dir, 'results.jsonl')).equals(before)).toBe(true);
  });

  it('refuses to resume with different options', () => {
    const dir = `${smoke.dir}-killed`;
    const r = cli(['run', '--profile', 'smoke', '--out', dir, '--resume', '--seed', '3', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--resume/);
  });
});
