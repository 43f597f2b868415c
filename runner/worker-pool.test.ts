import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Unit, UnitContext, UnitSink } from './unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';
import { type PoolOptions, runUnitsInWorkers } from './worker-pool.js';

/**
 * A scripted worker that behaves like a forked process where it matters here: after kill() its channel
 * is broken but still reads as connected until the disconnect is processed, a write to it fails with
 * EPIPE (to the callback if one is given, else as an 'error' event, which throws when nobody listens).
 */
class ScriptedWorker extends EventEmitter {
  connected = true;
  killed = false;
  readonly received: ParentMessage['type'][] = [];
  sentAfterKill = 0;
  unhandledError = false;
  constructor(private readonly reply: (w: ScriptedWorker, m: ParentMessage) => void) {
    super();
  }
  send(m: ParentMessage, cb?: (e: Error | null) => void): boolean {
    if (this.killed) {
      this.sentAfterKill++;
      const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      setImmediate(() => {
        if (cb) cb(epipe);
        else if (this.listenerCount('error') > 0) this.emit('error', epipe);
        else this.unhandledError = true;
      });
      return false;
    }
    this.received.push(m.type);
    setImmediate(() => this.reply(this, m));
    return true;
  }
  kill(): boolean {
    if (this.killed) return true;
    this.killed = true;
    setTimeout(() => {
      this.connected = false;
      this.emit('exit', null, 'SIGTERM');
    }, 20);
    return true;
  }
  say(m: WorkerMessage): void {
    this.emit('message', m);
  }
}

const units: Unit[] = [
  { task: 't', explainer: 'a', metrics: ['m'] },
  { task: 't', explainer: 'b', metrics: ['m'] },
];
const sink: UnitSink = { step: () => {}, explanations: () => {}, result: () => {} };

function options(spawn: () => ScriptedWorker, done: string[] = []): PoolOptions {
  return {
    jobs: 2,
    backend: 'cpu',
    plugins: [],
    replace: false,
    timeoutFor: () => null,
    isolated: () => false,
    onUnitDone: (u) => done.push(u.explainer),
    onUnitFailed: () => {},
    spawn: spawn as unknown as (file: string, execArgv: string[]) => ChildProcess,
  };
}

/** Answers init with ready and every unit with done. */
const prompt = (w: ScriptedWorker, m: ParentMessage) => {
  if (m.type === 'init') w.say({ type: 'ready' });
  else if (m.type === 'unit') w.say({ type: 'done' });
};

const ctx = () => ({}) as UnitContext;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the worker pool', () => {
  it('leaves a worker alone whose ready arrives after the run has finished (was: EPIPE crashed the run)', async () => {
    const workers: ScriptedWorker[] = [];
    let releaseLate = () => {};
    const spawn = () => {
      // The first worker does all the work; the second is still starting when the queue is empty.
      const late = workers.length === 1;
      const w = new ScriptedWorker((self, m) => {
        if (late && m.type === 'init') releaseLate = () => self.say({ type: 'ready' });
        else prompt(self, m);
      });
      workers.push(w);
      return w;
    };
    const done: string[] = [];
    await runUnitsInWorkers(units, ctx, sink, options(spawn, done));
    expect(done).toEqual(['a', 'b']);
    const [, late] = workers;
    expect(late!.killed).toBe(true);
    // Its ready was already in the pipe when the pool killed it.
    releaseLate();
    await tick(50);
    expect(late!.sentAfterKill).toBe(0);
    expect(late!.unhandledError).toBe(false);
    expect(late!.received).toEqual(['init']);
  });

  it('fails the run, instead of waiting forever, when a worker dies before it is ready', async () => {
    const spawn = () =>
      new ScriptedWorker((self, m) => {
        if (m.type === 'init') {
          self.connected = false;
          self.emit('exit', 1, null);
        }
      });
    await expect(runUnitsInWorkers(units, ctx, sink, options(spawn))).rejects.toThrow('worker process died while starting (exit code 1)');
  });

  it('names the unit whose worker died in the middle of it', async () => {
    const spawn = () =>
      new ScriptedWorker((self, m) => {
        if (m.type === 'init') self.say({ type: 'ready' });
        else if (m.type === 'unit') {
          self.connected = false;
          self.emit('exit', null, 'SIGKILL');
        }
      });
    await expect(runUnitsInWorkers(units, ctx, sink, options(spawn))).rejects.toThrow(/t · [ab]: worker process died \(SIGKILL\)/);
  });
});
