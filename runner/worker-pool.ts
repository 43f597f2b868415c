/**
 * Runs units on N worker processes (`--jobs N`), one tfjs instance each, handing each idle worker the
 * next unit. Everything a worker produces comes back here, so one process writes the run folder.
 * Units are independent (seeds are per cell), so results equal those of `--jobs 1`.
 *
 * Units of plugins are isolated: a plugin that throws or hangs past its timeout (a synchronous wasm
 * loop cannot be interrupted in-process, but a process can be killed) fails its own cells, reported
 * through `onUnitFailed`, and the run goes on on a fresh worker.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.js';
import type { Unit, UnitContext, UnitSink } from './unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

function workerEntry(): { file: string; execArgv: string[] } {
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

const forkWorker = (file: string, execArgv: string[]): ChildProcess =>
  fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });

export async function runUnitsInWorkers(units: readonly Unit[], ctxFor: (unit: Unit) => UnitContext, sink: UnitSink, o: PoolOptions): Promise<void> {
  if (units.length === 0) return;
  const { file, execArgv } = workerEntry();
  const queue = [...units];
  const live = new Set<ChildProcess>();
  let running = 0;
  let failure: Error | null = null;
  // Once the run has settled, messages still in flight (a slow worker's late 'ready') must not be
  // answered: its channel may be closing, and an unhandled EPIPE on it would crash a finished run.
  let closed = false;
  const send = (w: ChildProcess, m: ParentMessage) => {
    // A failed write means the worker is gone; its 'exit' handler reports that, so the error itself
    // is dropped here (without a callback Node raises it as an 'error' event nobody listens to).
    if (!closed && w.connected) w.send(m, () => {});
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = () => {
        if (failure) reject(failure);
        else if (queue.length === 0 && running === 0) resolve();
      };
      const fail = (e: Error) => {
        if (!failure) failure = e;
        settle();
      };
      const spawnWorker = () => {
        const w = (o.spawn ?? forkWorker)(file, execArgv);
        live.add(w);
        // fork() reports a failed spawn as 'error' (and may never emit 'exit').
        w.on('error', (e) => {
          if (!closed) fail(new Error(`worker process: ${e.message}`));
        });
        let started = false;
        w.once('message', (raw: unknown) => {
          const m = raw as WorkerMessage;
          started = true;
          if (m.type === 'ready') next(w);
          else if (m.type === 'error') fail(m.user ? new UserError(m.message) : new Error(m.message));
        });
        w.on('exit', (code: number | null, signal: string | null) => {
          live.delete(w);
          // A worker that dies before it is ready holds no unit, so nothing else would notice.
          if (!started && !closed) fail(new Error(`worker process died while starting (${signal ?? `exit code ${code}`})`));
        });
        send(w, { type: 'init', backend: o.backend, plugins: o.plugins, replace: o.replace, ...(o.taskConfig ? { taskConfig: o.taskConfig } : {}) });
      };
      const next = (w: ChildProcess) => {
        if (closed) return;
        const unit = failure ? undefined : queue.shift();
        if (!unit) {
          send(w, { type: 'exit' });
          settle();
          return;
        }
        running++;
        let finished = false;
        const limit = o.timeoutFor(unit);
        const timer =
          limit === null
            ? null
            : setTimeout(() => {
                end();
                w.kill('SIGKILL');
                o.onUnitFailed(unit, `timed out after ${limit} s`);
                spawnWorker();
                settle();
              }, limit * 1000);
        const end = () => {
          finished = true;
          running--;
          if (timer) clearTimeout(timer);
          w.off('message', onMessage);
          w.off('exit', onExit);
        };
        const onExit = (code: number | null, signal: string | null) => {
          if (finished) return;
          end();
          const reason = `worker process died (${signal ?? `exit code ${code}`})`;
          if (o.isolated(unit)) {
            o.onUnitFailed(unit, reason);
            spawnWorker();
            settle();
          } else fail(new Error(`${unit.task} · ${unit.explainer}: ${reason}`));
        };
        const onMessage = (raw: unknown) => {
          const m = raw as WorkerMessage;
          switch (m.type) {
            case 'step':
              sink.step(m.label);
              break;
            case 'explanations':
              sink.explanations(m.task, m.explainer, m.lines, m.artifacts.map((a) => ({ path: a.path, data: new Uint8Array(a.data) })));
              break;
            case 'result':
              sink.result(m.record);
              break;
            case 'done':
              end();
              o.onUnitDone(unit);
              next(w);
              break;
            case 'error':
              end();
              if (o.isolated(unit)) {
                o.onUnitFailed(unit, m.message);
                next(w);
              } else fail(m.user ? new UserError(m.message) : new Error(`${unit.task} · ${unit.explainer}: ${m.message}\n${m.stack}`));
              break;
            default:
              break;
          }
        };
        w.on('message', onMessage);
        w.on('exit', onExit);
        send(w, { type: 'unit', unit, ctx: ctxFor(unit) });
      };
      for (let k = 0; k < Math.max(1, Math.min(o.jobs, units.length)); k++) spawnWorker();
    });
  } finally {
    closed = true;
    for (const w of live) w.kill();
  }
}
