import { once } from 'node:events';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireRunLock, type LockInfo, procStart, RUN_LOCK, staleReason } from './run-lock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'xai-bench-lock-'));
const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, RUN_LOCK), 'utf8')) as LockInfo;
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
const holder = (over: Partial<LockInfo>): LockInfo => ({
  host: 'node-7',
  pid: 4242,
  token: 'abc',
  procStart: null,
  startedAt: new Date().toISOString(),
  heartbeatAt: new Date().toISOString(),
  ...over,
});

describe('the run lock', () => {
  it('names host and pid, refuses a second holder in one line naming the first, and is gone once released', () => {
    const dir = fresh();
    const a = acquireRunLock(dir);
    expect(lockOf(dir)).toMatchObject({ host: hostname(), pid: process.pid, procStart: procStart(process.pid) });
    // The same process opening it again stands for a second run: its live holder (this pid, same start) is not stale.
    const other = { ...lockOf(dir), pid: process.ppid, procStart: procStart(process.ppid) };
    writeFileSync(join(dir, RUN_LOCK), JSON.stringify(other));
    expect(() => acquireRunLock(dir)).toThrow(new RegExp(`^--out .* is in use by the run of pid ${process.ppid} on host ${hostname()} \\(heartbeat \\d+ s ago\\); .*--break-lock`));
    writeFileSync(join(dir, RUN_LOCK), JSON.stringify({ ...other, pid: process.pid, procStart: procStart(process.pid) }));
    a.release();
    expect(existsSync(join(dir, RUN_LOCK))).toBe(false);
  });

  it('takes over the lock of a dead pid on this host at once, with a note, and reports what it took over', () => {
    const dir = fresh();
    const dead = holder({ host: hostname(), pid: Number(deadPid()) });
    writeFileSync(join(dir, RUN_LOCK), JSON.stringify(dead));
    const notes: string[] = [];
    const lock = acquireRunLock(dir, { note: (l) => notes.push(l) });
    expect(notes).toEqual([expect.stringMatching(new RegExp(`taking over the stale run lock of pid ${dead.pid} .*is not running`))]);
    expect(lock.previous?.token).toBe('abc');
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('watches the heartbeat of a holder on another host: refused while it moves, taken over once stale; --break-lock forces it', async () => {
    const dir = fresh();
    const path = join(dir, RUN_LOCK);
    // A live holder elsewhere: another process keeps refreshing its heartbeat.
    const beat = `const fs=require('fs');const h=${JSON.stringify(holder({}))};setInterval(()=>fs.writeFileSync(${JSON.stringify(path)},JSON.stringify({...h,heartbeatAt:new Date().toISOString()})),50);setTimeout(()=>process.exit(0),3000)`;
    const child = spawn(process.execPath, ['-e', beat], { stdio: 'ignore' });
    while (!existsSync(path)) await new Promise((r) => setTimeout(r, 20));
    const notes: string[] = [];
    // Each step's notes are read from where the previous step left off (a loaded machine may add lines).
    const since = (at: number) => notes.slice(at).join('\n');
    expect(() => acquireRunLock(dir, { staleMs: 2000, note: (l) => notes.push(l) })).toThrow(/^--out .* is in use by the run of pid 4242 on host node-7/);
    expect(since(0)).toMatch(/locked by the run of pid 4242 on host node-7 .*watching its heartbeat for up to \d+ s/);
    let at = notes.length;
    acquireRunLock(dir, { breakLock: true, note: (l) => notes.push(l) }).release();
    expect(since(at)).toMatch(/^--break-lock: taking over the run lock of pid 4242 on host node-7/);
    child.kill();
    await once(child, 'exit');
    // Its heartbeat stopped (the job was requeued on another node): taken over once it is stale.
    writeFileSync(path, JSON.stringify(holder({ heartbeatAt: new Date(Date.now() - 120_000).toISOString() })));
    at = notes.length;
    const lock = acquireRunLock(dir, { note: (l) => notes.push(l) });
    expect(since(at)).toMatch(/its last heartbeat was 120 s ago/);
    lock.release();
    writeFileSync(path, JSON.stringify(holder({})));
    const t0 = Date.now();
    acquireRunLock(dir, { staleMs: 300, note: (l) => notes.push(l) }).release();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(notes.at(-1)).toMatch(/taking over the stale run lock of pid 4242 on host node-7/);
  });

  it('treats a reused pid (another start time) as gone', () => {
    expect(staleReason(holder({ host: hostname(), pid: process.ppid, procStart: 'not-its-start' }))).toMatch(/now belongs to another process/);
    expect(staleReason(holder({ host: hostname(), pid: process.ppid, procStart: procStart(process.ppid) }))).toBe(null);
  });

  it('refreshes the heartbeat from its own thread, and notices when another run broke the lock', async () => {
    const dir = fresh();
    const lock = acquireRunLock(dir, { heartbeatMs: 20 });
    const first = lockOf(dir).heartbeatAt;
    await new Promise((r) => setTimeout(r, 120));
    expect(Date.parse(lockOf(dir).heartbeatAt)).toBeGreaterThan(Date.parse(first));
    const thief = acquireRunLock(dir, { breakLock: true });
    for (let i = 0; i < 50 && !lock.lostTo(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(lock.lostTo()?.pid).toBe(process.pid);
    lock.release();
    // Releasing a lost lock leaves the new holder's file alone.
    expect(existsSync(join(dir, RUN_LOCK))).toBe(true);
    thief.release();
    expect(existsSync(join(dir, RUN_LOCK))).toBe(false);
  });
});
