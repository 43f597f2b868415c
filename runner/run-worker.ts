/**
 * A worker process (`run --jobs N`, any plugin, `explain`/`score` with a plugin). Its main thread only
 * relays messages between the parent and the thread that does the work (worker-thread.ts), and is the
 * watchdog plugin code cannot block: when the parent goes (killed, even with SIGKILL) the channel closes
 * and this thread ends the process, whatever the work thread is doing. A work thread that ends on its
 * own (a plugin calling process.exit) ends the process too, so the parent sees a worker without a result.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParentMessage } from './worker-messages.js';

const here = fileURLToPath(import.meta.url);
const file = here.replace(/run-worker\.([jt]s)$/, 'worker-thread.$1');
// From the sources (tests, tsx) the thread is TypeScript: it registers tsx's loader before importing it.
const fromSources = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
const thread = file.endsWith('.ts') ? new Worker(fromSources, { eval: true }) : new Worker(file);

thread.on('message', (m: unknown) => {
  // A failed write means the parent is gone; 'disconnect' ends this process.
  if (process.connected) process.send!(m, () => {});
});
thread.on('error', (e) => process.stderr.write(`xai-bench worker: ${e.message.split('\n')[0]}\n`));
thread.on('exit', (code) => process.exit(code === 0 ? 0 : 70));

process.on('message', (raw: unknown) => {
  const m = raw as ParentMessage;
  if (m.type === 'exit') process.exit(0);
  thread.postMessage(m);
});
process.on('disconnect', () => process.exit(0));
