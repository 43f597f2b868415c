/**
 * Opening a run folder: take its lock, then decide what becomes of a run already there. The same
 * configuration is resumed (a killed or requeued job, or `npm start` twice, goes on where it stopped);
 * another configuration is refused unless `--overwrite` says to replace it, so an earlier run is never
 * deleted silently. A run.json still saying "running" once the lock is ours was cut short: it is marked
 * interrupted before anything else happens.
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { ARTIFACTS_DIR, EXPLANATIONS_DIR, LEADERBOARD_JSON, RESULTS_JSONL, RUN_JSON, type RunStore, SUMMARY_MD } from './results-store.js';
import type { RunInfo } from './run-info.js';
import { acquireRunLock, type RunLock } from './run-lock.js';

/** What to do with a run already in the folder: `auto` resumes the same configuration and refuses another. */
export type ExistingRun = 'auto' | 'resume' | 'overwrite';

export interface OpenOptions {
  readonly store: RunStore;
  readonly existing: ExistingRun;
  readonly breakLock: boolean;
  /** Why the earlier run's configuration differs from this one (e.g. "DIR was run with a different seed"), or null. */
  readonly differs: (previous: RunInfo) => string | null;
  readonly fresh: () => RunInfo;
  readonly resumed: (previous: RunInfo) => RunInfo;
  readonly note: (line: string) => void;
}

export interface OpenedRun {
  readonly run: RunInfo;
  readonly lock: RunLock;
  /** The earlier run was complete with this configuration: nothing is left to compute. */
  readonly complete: boolean;
}

/** The files of a run (the lock stays: it is this process's). */
function clearRunFolder(dir: string): void {
  for (const f of [RUN_JSON, RESULTS_JSONL, LEADERBOARD_JSON, SUMMARY_MD, EXPLANATIONS_DIR, ARTIFACTS_DIR]) {
    rmSync(join(dir, f), { recursive: true, force: true });
  }
}

/** A run.json left "running" by a process that no longer holds the lock: it was interrupted. */
function markInterrupted(o: OpenOptions, previous: RunInfo, lock: RunLock): RunInfo {
  if (previous.status !== 'running') return previous;
  const marked: RunInfo = { ...previous, status: 'interrupted' };
  o.store.writeRunJson(marked);
  const last = lock.previous ? `last heartbeat ${lock.previous.heartbeatAt} from pid ${lock.previous.pid} on host ${lock.previous.host}` : 'no heartbeat left';
  o.note(`${o.store.dir}: the earlier run stopped while running (${last}); marked interrupted`);
  return marked;
}

function decide(o: OpenOptions, lock: RunLock): OpenedRun {
  const dir = o.store.dir;
  const found = o.store.readRunJson();
  if (!found) {
    if (o.existing === 'resume') throw new UserError(`--resume: ${dir} holds no run to resume (no ${RUN_JSON})`);
    return { run: o.fresh(), lock, complete: false };
  }
  const previous = markInterrupted(o, found, lock);
  if (o.existing === 'overwrite') {
    o.note(`${dir}: replacing the earlier ${previous.status} run ${previous.id}`);
    clearRunFolder(dir);
    return { run: o.fresh(), lock, complete: false };
  }
  const why = o.differs(previous);
  if (why !== null && o.existing === 'resume') throw new UserError(`--resume: ${why}; resume with the same options (and the same config, data and model files) or use another --out`);
  if (why !== null) throw new UserError(`${why}; pass --overwrite to replace that run, or use another --out`);
  const { cellsDone, cells } = previous.timings;
  if (previous.status === 'complete' && existsSync(join(dir, LEADERBOARD_JSON))) {
    o.note(`${dir}: the run ${previous.id} with this configuration is already complete; nothing to compute`);
    return { run: previous, lock, complete: true };
  }
  o.note(`${dir}: resuming the ${previous.status} run ${previous.id} (${cellsDone} of ${cells} cells done)`);
  return { run: o.resumed(previous), lock, complete: false };
}

/** Locks the folder and returns the run to go on with; on a refusal the lock is released and a folder made here removed. */
export function openRunFolder(o: OpenOptions): OpenedRun {
  const dir = o.store.dir;
  const existed = existsSync(dir);
  const lock = acquireRunLock(dir, { breakLock: o.breakLock, note: o.note });
  try {
    return decide(o, lock);
  } catch (e) {
    lock.release();
    if (!existed && readdirSync(dir).length === 0) rmdirSync(dir);
    throw e;
  }
}
