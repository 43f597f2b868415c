/**
 * One writer per run folder: DIR/run.lock, created with O_EXCL, names the holder (host, pid) and carries
 * a heartbeat the holder refreshes. Two runs appending to one results.jsonl would duplicate cells, so a
 * second run is refused; a lock whose holder is gone (killed, or its job requeued on another node) is
 * taken over with a note, and `--break-lock` takes it over whatever its state.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors.js';

export const RUN_LOCK = 'run.lock';
/** How often the holder refreshes its heartbeat. */
const HEARTBEAT_MS = 10_000;
/** A holder on another host whose heartbeat is older than this is taken to be gone (clocks may differ a little). */
const STALE_MS = 60_000;

export interface LockInfo {
  readonly host: string;
  readonly pid: number;
  /** Tells this holding apart from any other, also after the pid was reused. */
  readonly token: string;
  /** The holder process's start time as the kernel counts it (Linux), to catch a reused pid. */
  readonly procStart: string | null;
  readonly startedAt: string;
  readonly heartbeatAt: string;
}

export interface RunLock {
  readonly path: string;
  /** The lock taken over (a dead holder's), or null when the folder was free. */
  readonly previous: LockInfo | null;
  /** Who took the lock away from this process (`--break-lock` elsewhere), or null while it is held. */
  lostTo(): LockInfo | null;
  release(): void;
}

export interface LockOptions {
  readonly breakLock?: boolean;
  readonly note?: (line: string) => void;
  /** For tests: the heartbeat period and how old a foreign heartbeat must be to count as stale. */
  readonly heartbeatMs?: number;
  readonly staleMs?: number;
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot), or null where there is none. */
export function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof v?.token === 'string' ? v : null;
  } catch {
    return null;
  }
}

const ageSeconds = (info: LockInfo) => Math.round((Date.now() - Date.parse(info.heartbeatAt)) / 1000);

/** Why the holder is gone, or null when it may still be running. */
export function staleReason(info: LockInfo, staleMs = STALE_MS): string | null {
  if (info.host === hostname()) {
    if (info.pid === process.pid) return `pid ${info.pid} is this process, so its holder has exited`;
    if (!alive(info.pid)) return `pid ${info.pid} is not running`;
    const start = procStart(info.pid);
    if (start !== null && info.procStart !== null && start !== info.procStart) return `pid ${info.pid} now belongs to another process`;
    if (start !== null && info.procStart !== null) return null;
  }
  const age = Date.now() - Date.parse(info.heartbeatAt);
  return Number.isFinite(age) && age <= staleMs ? null : `its last heartbeat was ${ageSeconds(info)} s ago`;
}

function describe(info: LockInfo): string {
  return `pid ${info.pid} on host ${info.host} (heartbeat ${ageSeconds(info)} s ago)`;
}

/** Creates the lock file only if there is none (O_EXCL): of two racing runs exactly one succeeds. */
function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UserError(`${path}: cannot create the run lock (${(e as Error).message.split('\n')[0]})`);
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves the judged lock aside by rename (atomic: of two runs taking over, one gets it); if what was
 * moved is not the lock that was judged (another run took over meanwhile), it is put back.
 */
function removeJudged(path: string, judged: LockInfo | null): void {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone
  }
  const moved = readLock(aside);
  if (judged !== null && moved?.token !== judged.token) {
    try {
      linkSync(aside, path);
    } catch {
      /* a newer lock is there already */
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Refreshes the heartbeat from a worker thread: a long synchronous computation on the main thread cannot
 * starve it. state[0] is 0 idle, 2 while a beat writes, 1 once released: release waits out a beat in
 * flight, so no beat can put the lock file back after release removed it.
 */
const HEARTBEAT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { path, info, ms, shared } = workerData;
const state = new Int32Array(shared);
const timer = setInterval(() => {
  if (Atomics.compareExchange(state, 0, 0, 2) !== 0) { clearInterval(timer); return; }
  try {
    let now = null;
    try { now = JSON.parse(fs.readFileSync(path, 'utf8')); } catch {}
    if (!now || now.token !== info.token) { clearInterval(timer); parentPort.postMessage(now); return; }
    const tmp = path + '.' + process.pid + '.beat';
    try {
      fs.writeFileSync(tmp, JSON.stringify({ ...info, heartbeatAt: new Date().toISOString() }) + '\\n');
      fs.renameSync(tmp, path);
    } catch {}
  } finally {
    Atomics.store(state, 0, 0);
    Atomics.notify(state, 0);
  }
}, ms);
`;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A holder on another host cannot be asked whether it lives: watch its heartbeat until it could have
 * gone stale (a job requeued on another node often starts before that). 'alive' when it was refreshed,
 * 'changed' when the lock changed hands or went away, 'stale' when it never moved.
 */
function waitForHeartbeat(path: string, holder: LockInfo, dir: string, o: LockOptions): 'alive' | 'changed' | 'stale' {
  const staleMs = o.staleMs ?? STALE_MS;
  const deadline = Math.min(Date.now() + staleMs, Date.parse(holder.heartbeatAt) + staleMs) + 1000;
  o.note?.(`--out ${dir} is locked by the run of ${describe(holder)}: watching its heartbeat for up to ${Math.ceil((deadline - Date.now()) / 1000)} s`);
  while (Date.now() < deadline) {
    sleepMs(Math.min(500, Math.max(1, deadline - Date.now())));
    const now = readLock(path);
    if (now?.token !== holder.token) return 'changed';
    if (now.heartbeatAt !== holder.heartbeatAt) return 'alive';
  }
  return 'stale';
}

export function acquireRunLock(dir: string, o: LockOptions = {}): RunLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, RUN_LOCK);
  const now = new Date().toISOString();
  const info: LockInfo = { host: hostname(), pid: process.pid, token: randomBytes(8).toString('hex'), procStart: procStart(process.pid), startedAt: now, heartbeatAt: now };
  let previous: LockInfo | null = null;
  for (let attempt = 0; !tryCreate(path, info); attempt++) {
    const holder = readLock(path);
    if (attempt >= 5) throw new UserError(`${path}: another run keeps taking this lock; try again`);
    if (holder === null) {
      // Empty or torn: a holder is writing it this instant, or one died while writing it.
      if (attempt < 2) continue;
      o.note?.(`${path}: replacing an unreadable run lock`);
    } else if (o.breakLock) {
      o.note?.(`--break-lock: taking over the run lock of ${describe(holder)} on ${dir}`);
    } else {
      const why = staleReason(holder, o.staleMs);
      if (why === null && holder.host !== hostname() && waitForHeartbeat(path, holder, dir, o) !== 'alive') continue;
      if (why === null) throw new UserError(`--out ${dir} is in use by the run of ${describe(holder)}; wait for it to end, or pass --break-lock if it is dead`);
      o.note?.(`taking over the stale run lock of ${describe(holder)} on ${dir}: ${why}`);
    }
    previous = holder ?? previous;
    removeJudged(path, holder);
  }
  return startHeartbeat(path, info, previous, o.heartbeatMs ?? HEARTBEAT_MS);
}

function startHeartbeat(path: string, info: LockInfo, previous: LockInfo | null, ms: number): RunLock {
  let lost: LockInfo | null = null;
  const shared = new SharedArrayBuffer(4);
  const state = new Int32Array(shared);
  const worker = new Worker(HEARTBEAT_WORKER, { eval: true, workerData: { path, info, ms, shared } });
  worker.on('message', (holder: LockInfo | null) => (lost = holder ?? { ...info, host: '(unknown)', pid: 0, token: '' }));
  worker.on('error', () => {});
  worker.unref();
  return {
    path,
    previous,
    lostTo: () => lost,
    release() {
      if (Atomics.load(state, 0) === 1) return;
      while (Atomics.compareExchange(state, 0, 0, 1) !== 0) Atomics.wait(state, 0, 2, 50);
      void worker.terminate();
      if (existsSync(path) && readLock(path)?.token === info.token) unlinkSync(path);
    },
  };
}
