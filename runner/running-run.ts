/**
 * A run while its units run: the started run, its progress, the cells done, and its journal, run.json
 * with the status and timings, rewritten after every unit so that a run killed at any moment says how
 * far it got (it refuses to write once another run has taken the folder's lock).
 */
import { UserError } from '../core/errors.js';
import type { Progress } from './progress.js';
import type { RunStore } from './results-store.js';
import type { RunInfo } from './run-info.js';
import type { RunLock } from './run-lock.js';
import type { RunOptions } from './run-options.js';
import type { StartedRun } from './run-start.js';

export interface RunningRun extends StartedRun {
  readonly o: RunOptions;
  readonly progress: Progress;
  readonly journal: RunJournal;
  /** Keys of the finished cells (cellKey), those of earlier attempts included. */
  readonly done: Set<string>;
  readonly jobs: number;
}

export class RunJournal {
  /** Cells finished so far, those of earlier attempts included. */
  cellsDone = 0;
  private current: RunInfo;
  private readonly t0 = performance.now();
  private readonly previousSeconds: number;

  constructor(
    private readonly store: RunStore,
    private readonly lock: RunLock,
    private readonly dir: string,
    run: RunInfo,
    private readonly totalCells: number,
  ) {
    this.current = run;
    this.previousSeconds = run.timings.seconds;
  }

  get run(): RunInfo {
    return this.current;
  }

  write(status: RunInfo['status'], extra: Partial<RunInfo> = {}): void {
    const thief = this.lock.lostTo();
    // Another run broke this one's lock (--break-lock): the folder is its now.
    if (thief) throw new UserError(`${this.dir}: the run lock was taken over by pid ${thief.pid} on host ${thief.host}; this run stops`);
    const seconds = this.previousSeconds + (performance.now() - this.t0) / 1000;
    this.current = { ...this.current, ...extra, status, timings: { seconds, cells: this.totalCells, cellsDone: this.cellsDone } };
    this.store.writeRunJson(this.current);
  }
}
