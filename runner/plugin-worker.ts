/**
 * One-off conversations with a worker process (run-worker.ts) for plugin code that must not run in
 * the main process: reading plugins' declarations before a run (`declarationsOf`), and `explain` /
 * `score` with a plugin (`callInWorker`). Each has a time limit; a worker that ends without an answer,
 * or takes longer, is a plugin error naming the plugin (exit 2), and nothing has been written.
 */
import type { ChildProcess } from 'node:child_process';
import { UserError } from '../core/errors.js';
import type { PluginInfo } from './plugin-info.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';
import { forkWorker, workerEntry } from './worker-pool.js';

interface Conversation<T> {
  /** The message that starts it. */
  readonly ask: ParentMessage;
  readonly timeoutS: number;
  /** The answer, or undefined to keep listening. */
  answer(m: WorkerMessage): T | undefined;
  /** The error when the worker ends without an answer (`how`: its exit code or signal). */
  ended(how: string): UserError;
  timedOut(): UserError;
}

/** Starts a worker, asks, and settles on the first answer, error, exit or timeout; the worker never outlives it. */
function converse<T>(c: Conversation<T>): Promise<T> {
  const { file, execArgv } = workerEntry();
  const w: ChildProcess = forkWorker(file, execArgv);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.kill('SIGKILL');
      f();
    };
    const timer = setTimeout(() => settle(() => reject(c.timedOut())), c.timeoutS * 1000);
    w.on('error', (e) => settle(() => reject(new Error(`worker process: ${e.message}`))));
    w.on('exit', (code, signal) => settle(() => reject(c.ended(signal ?? `exit code ${code}`))));
    w.on('message', (raw: unknown) => {
      const m = raw as WorkerMessage;
      if (m.type === 'error') {
        settle(() => reject(m.user ? new UserError(m.message) : new Error(`${m.message}\n${m.stack}`)));
        return;
      }
      const value = c.answer(m);
      if (value !== undefined) settle(() => resolve(value));
    });
    w.send(c.ask, () => {});
  });
}

/** Loads the plugins in a worker (no backend) and returns their declarations, in order. */
export function declarationsOf(paths: readonly string[], replace: boolean, timeoutS: number): Promise<readonly PluginInfo[]> {
  let loading = paths[0];
  return converse<readonly PluginInfo[]>({
    ask: { type: 'init', plugins: paths, replace },
    timeoutS,
    answer: (m) => {
      if (m.type === 'loading') loading = m.path;
      return m.type === 'ready' ? (m.plugins ?? []) : undefined;
    },
    ended: (how) => new UserError(`--explainer ${loading}: its worker ended while loading it (${how})`),
    timedOut: () => new UserError(`--explainer ${loading}: not loaded within ${timeoutS} s (--cell-timeout)`),
  });
}

/**
 * Calls `fn` exported by `module` (a file URL) with `args` in a worker, where the plugin `plugin` is
 * loaded by that code; what it wrote to stdout is written here once it returned.
 */
export async function callInWorker(
  call: { readonly module: string; readonly fn: string; readonly args: readonly unknown[] },
  plugin: string,
  timeoutS: number,
): Promise<unknown> {
  const { value, stdout } = await converse<{ value: unknown; stdout: string }>({
    ask: { type: 'call', ...call },
    timeoutS,
    answer: (m) => (m.type === 'value' ? { value: m.value, stdout: m.stdout } : undefined),
    ended: (how) => new UserError(`--explainer ${plugin}: the plugin's worker ended without a result (${how})`),
    timedOut: () => new UserError(`--explainer ${plugin}: no result within ${timeoutS} s (--timeout)`),
  });
  process.stdout.write(stdout);
  return value;
}
