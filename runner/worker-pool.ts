/**
 * Runs units on N worker processes (`--jobs N`), one tfjs instance each, handing each idle worker the
 * next unit. Everything a worker produces comes back here, so one process writes the run folder.
 * Units are independent (seeds are per cell), so results equal those of `--jobs 1`.
 *
 * Units of plugins are isolated: a plugin that throws, hangs past its timeout (a synchronous wasm
 * loop cannot be interrupted in-process, but a process can be killed) or ends its worker without a
 * result fails its own cells, reported through `onUnitFailed`, and the run goes on on a fresh worker.
 * Loading the plugins counts against the same timeout: a worker not ready in time is killed.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.js';
import type { Unit, UnitContext, UnitSink } from './unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

export function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  // From the sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist/ it is JS.
  if (here.endsWith('.ts')) return { file: here.replace(/worker-pool\.ts$/, 'run-worker.ts'), execArgv: ['--import', 'tsx'] };
  return { file: here.replace(/worker-pool\.js$/, 'run-worker.js'), execArgv: [] };
}

export interface PoolOptions {
  readonly jobs: number;
  readonly backend: string;
  /** Plugin modules every worker loads before its first unit. */
  readonly plugins: readonly string[];
  /** `run --config`: the task config every worker registers before its first unit. */
  readonly taskConfig?: { readonly path: string; readonly sha256: string };
  /** Whether plugins may replace built-ins of the same id (`xai-bench ci`). */
  readonly replace: boolean;
  /** Seconds a unit may take before its worker is killed, or null for no limit. */
  timeoutFor(unit: Unit): number | null;
  /** Whether a failure of this unit fails only its cells (plugins) instead of the run. */
  isolated(unit: Unit): boolean;
  onUnitDone(unit: Unit): void;
  onUnitFailed(unit: Unit, reason: string): void;
  /** Starts one worker; tests pass a scripted one to replay message orders real processes rarely hit. */
  readonly spawn?: (file: string, execArgv: string[]) => ChildProcess;
}

export const forkWorker = (file: string, execArgv: string[]): ChildProcess =>
  fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

export async function runUnitsInWorkers(
  units: readonly Unit[],
  ctxFor: (unit: Unit) => UnitContext,
  sink: UnitSink,
  o: PoolOptions,
): Promise<void> {
  if (units.length === 0) return;
  const pool = new WorkerPool(units, ctxFor, sink, o);
  try {
    await pool.run();
  } finally {
    pool.close();
  }
}

/** The pool's state while it runs: the queue, the live workers, the units running, the first failure. */
class WorkerPool {
  private readonly entry = workerEntry();
  private readonly queue: Unit[];
  private readonly live = new Set<ChildProcess>();
  private running = 0;
  private failure: Error | null = null;
  // Once the run has settled, messages still in flight (a slow worker's late 'ready') must not be
  // answered: its channel may be closing, and an unhandled EPIPE on it would crash a finished run.
  private closed = false;
  private resolve: () => void = () => {};
  private reject: (e: Error) => void = () => {};

  constructor(
    units: readonly Unit[],
    private readonly ctxFor: (unit: Unit) => UnitContext,
    private readonly sink: UnitSink,
    private readonly o: PoolOptions,
  ) {
    this.queue = [...units];
  }

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const workers = Math.max(1, Math.min(this.o.jobs, this.queue.length));
      for (let k = 0; k < workers; k++) this.spawnWorker();
    });
  }

  close(): void {
    this.closed = true;
    for (const w of this.live) w.kill();
  }

  private send(w: ChildProcess, m: ParentMessage): void {
    // A failed write means the worker is gone; its 'exit' handler reports that, so the error itself
    // is dropped here (without a callback Node raises it as an 'error' event nobody listens to).
    if (!this.closed && w.connected) w.send(m, () => {});
  }

  private settle(): void {
    if (this.failure) this.reject(this.failure);
    else if (this.queue.length === 0 && this.running === 0) this.resolve();
  }

  private fail(e: Error): void {
    if (!this.failure) this.failure = e;
    this.settle();
  }

  /** Seconds a worker may take to load the plugins (the longest unit limit), or null. */
  private loadLimit(): number | null {
    const limits = this.queue.map((u) => this.o.timeoutFor(u)).filter((t): t is number => t !== null);
    return this.o.plugins.length > 0 && limits.length > 0 ? Math.max(...limits) : null;
  }

  private spawnWorker(): void {
    const o = this.o;
    const w = (o.spawn ?? forkWorker)(this.entry.file, this.entry.execArgv);
    this.live.add(w);
    // fork() reports a failed spawn as 'error' (and may never emit 'exit').
    w.on('error', (e) => {
      if (!this.closed) this.fail(new Error(`worker process: ${e.message}`));
    });
    let started = false;
    let loading: string | null = null;
    const limit = this.loadLimit();
    const timer =
      limit === null
        ? null
        : setTimeout(() => {
            started = true;
            w.kill('SIGKILL');
            if (!this.closed) this.fail(new UserError(`--explainer ${loading ?? o.plugins.join(',')}: not loaded within ${limit} s (--cell-timeout)`));
          }, limit * 1000);
    const onStart = (raw: unknown) => {
      const m = raw as WorkerMessage;
      if (m.type === 'loading') {
        loading = m.path;
        return;
      }
      started = true;
      if (timer) clearTimeout(timer);
      w.off('message', onStart);
      if (m.type === 'ready') this.next(w);
      else if (m.type === 'error') this.fail(m.user ? new UserError(m.message) : new Error(m.message));
    };
    w.on('message', onStart);
    w.on('exit', (code: number | null, signal: string | null) => {
      this.live.delete(w);
      if (timer) clearTimeout(timer);
      // A worker that dies before it is ready holds no unit, so nothing else would notice.
      if (started || this.closed) return;
      const how = signal ?? `exit code ${code}`;
      if (loading) this.fail(new UserError(`--explainer ${loading}: its worker ended while loading it (${how})`));
      else this.fail(new Error(`worker process died while starting (${how})`));
    });
    const taskConfig = o.taskConfig ? { taskConfig: o.taskConfig } : {};
    this.send(w, { type: 'init', backend: o.backend, plugins: o.plugins, replace: o.replace, ...taskConfig });
  }

  /** Hands an idle worker the next unit, or lets it go when none is left (or the pool failed). */
  private next(w: ChildProcess): void {
    if (this.closed) return;
    const unit = this.failure ? undefined : this.queue.shift();
    if (!unit) {
      this.send(w, { type: 'exit' });
      this.settle();
      return;
    }
    this.running++;
    this.watch(w, unit);
    this.send(w, { type: 'unit', unit, ctx: this.ctxFor(unit) });
  }

  /** Follows one unit on its worker until it is done, fails, dies or runs out of time. */
  private watch(w: ChildProcess, unit: Unit): void {
    const o = this.o;
    let finished = false;
    const limit = o.timeoutFor(unit);
    const end = () => {
      finished = true;
      this.running--;
      if (timer) clearTimeout(timer);
      w.off('message', onMessage);
      w.off('exit', onExit);
    };
    const isolatedFailure = (reason: string) => {
      o.onUnitFailed(unit, reason);
      this.spawnWorker();
      this.settle();
    };
    const timer =
      limit === null
        ? null
        : setTimeout(() => {
            end();
            w.kill('SIGKILL');
            isolatedFailure(`timed out after ${limit} s`);
          }, limit * 1000);
    const onExit = (code: number | null, signal: string | null) => {
      if (finished) return;
      end();
      const reason = `worker process died (${signal ?? `exit code ${code}`})`;
      if (o.isolated(unit)) isolatedFailure(reason);
      else this.fail(new Error(`${unit.task} · ${unit.explainer}: ${reason}`));
    };
    const onMessage = (raw: unknown) => this.onUnitMessage(w, unit, raw as WorkerMessage, end);
    w.on('message', onMessage);
    w.on('exit', onExit);
  }

  private onUnitMessage(w: ChildProcess, unit: Unit, m: WorkerMessage, end: () => void): void {
    switch (m.type) {
      case 'step':
        this.sink.step(m.label);
        break;
      case 'explanations':
        this.sink.explanations(m.task, m.explainer, m.lines, m.artifacts.map((a) => ({ path: a.path, data: new Uint8Array(a.data) })));
        break;
      case 'result':
        this.sink.result(m.record);
        break;
      case 'done':
        end();
        this.o.onUnitDone(unit);
        this.next(w);
        break;
      case 'error':
        end();
        if (!this.o.isolated(unit)) {
          this.fail(m.user ? new UserError(m.message) : new Error(`${unit.task} · ${unit.explainer}: ${m.message}\n${m.stack}`));
        } else {
          this.o.onUnitFailed(unit, m.message);
          this.next(w);
        }
        break;
      default:
        break;
    }
  }
}
