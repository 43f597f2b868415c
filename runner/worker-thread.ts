/**
 * The thread of a worker process that runs everything: its own tfjs instance (wasm is single-threaded
 * in Node), the plugins it loads, the units the parent sends, reporting every line, picture and record
 * back to the parent, which alone writes the run folder. It runs in a worker_threads thread so that the
 * process's main thread (run-worker.ts) stays free to end the process when the parent goes, even while
 * plugin code here is stuck in a synchronous loop.
 */
import { parentPort } from 'node:worker_threads';
import { type Backend, useBackend } from '../core/backend.js';
import { isUserError } from '../core/errors.js';
import { registerTaskConfig } from '../datasets/task-config.js';
import { loadPlugin, pluginInfo } from './plugins.js';
import { runUnit } from './run-unit.js';
import type { Unit, UnitContext } from './unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';

const port = parentPort!;

function send(m: WorkerMessage): void {
  port.postMessage(m);
}

/** Runs `fn` with this thread's stdout collected, for the parent to write once the call succeeded. */
async function collectingStdout(fn: () => Promise<unknown>): Promise<{ value: unknown; stdout: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    const value = await fn();
    return { value, stdout: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

async function handle(m: ParentMessage): Promise<void> {
  if (m.type === 'init') {
    if (m.backend) await useBackend(m.backend as Backend);
    if (m.taskConfig) await registerTaskConfig(m.taskConfig.path, { expectSha256: m.taskConfig.sha256 });
    const plugins = [];
    for (const path of m.plugins) {
      send({ type: 'loading', path });
      plugins.push(pluginInfo(await loadPlugin(path, { replace: m.replace })));
    }
    send({ type: 'ready', plugins });
  } else if (m.type === 'unit') {
    await runUnit(m.unit as Unit, m.ctx as UnitContext, {
      step: (label) => send({ type: 'step', label }),
      explanations: (task, explainer, lines, artifacts) => send({ type: 'explanations', task, explainer, lines, artifacts }),
      result: (record) => send({ type: 'result', record }),
    });
    send({ type: 'done' });
  } else if (m.type === 'call') {
    const mod = (await import(m.module)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const { value, stdout } = await collectingStdout(() => mod[m.fn](...m.args));
    send({ type: 'value', value, stdout });
  }
}

port.on('message', (raw: unknown) => {
  void handle(raw as ParentMessage).catch((e: unknown) => {
    send({ type: 'error', message: (e as Error).message.split('\n')[0], user: isUserError(e), stack: (e as Error).stack ?? '' });
  });
});
