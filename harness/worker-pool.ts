/**
 * Runs units on N worker processes (`--jobs N`), one tfjs instance each, handing each idle worker the
 * next unit. Everything a worker produces comes back here, so one process writes the run folder.
 * Units are independent (seeds are per cell), so results equal those of `--jobs 1`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.js';
import type { Unit, UnitContext, UnitSink } from './run-unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  // From the sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist/ it is JS.
  if (here.endsWith('.ts')) return { file: here.replace(/worker-pool\.ts$/, 'run-worker.ts'), execArgv: ['--import', 'tsx'] };
  return { file: here.replace(/worker-pool\.js$/, 'run-worker.js'), execArgv: [] };
}

export async function runUnitsInWorkers(
  units: readonly Unit[],
  ctxFor: (unit: Unit) => UnitContext,
  jobs: number,
  backend: string,
  sink: UnitSink,
  onUnitDone: (unit: Unit) => void,
): Promise<void> {
  const { file, execArgv } = workerEntry();
  const queue = [...units];
  const workers: ChildProcess[] = [];
  let failure: Error | null = null;
  const send = (w: ChildProcess, m: ParentMessage) => w.send(m);
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const finish = (e: Error | null) => {
        if (e && !failure) failure = e;
        if (failure) reject(failure);
        else if (queue.length === 0 && running === 0) resolve();
      };
      const next = (w: ChildProcess) => {
        const unit = queue.shift();
        if (!unit || failure) return;
        running++;
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
              w.off('message', onMessage);
              running--;
              onUnitDone(unit);
              if (queue.length > 0) next(w);
              else finish(null);
              break;
            case 'error':
              w.off('message', onMessage);
              running--;
              finish(m.user ? new UserError(m.message) : new Error(`worker failed on ${unit.task} · ${unit.explainer}: ${m.message}\n${m.stack}`));
              break;
            default:
              break;
          }
        };
        w.on('message', onMessage);
        send(w, { type: 'unit', unit, ctx: ctxFor(unit) });
      };
      const count = Math.max(1, Math.min(jobs, units.length));
      if (units.length === 0) return resolve();
      for (let k = 0; k < count; k++) {
        const w = fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        workers.push(w);
        w.on('exit', (code) => {
          if (code !== 0 && code !== null && !failure) finish(new Error(`a worker process exited with code ${code}`));
        });
        w.once('message', (raw: unknown) => {
          if ((raw as WorkerMessage).type === 'ready') next(w);
          else if ((raw as WorkerMessage).type === 'error') finish(new Error((raw as { message: string }).message));
        });
        send(w, { type: 'init', backend });
      }
    });
  } finally {
    for (const w of workers) {
      if (w.connected) send(w, { type: 'exit' });
      w.kill();
    }
  }
}
