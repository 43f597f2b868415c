/**
 * A worker process of `run --jobs N`: its own tfjs instance (wasm is single-threaded in Node), running
 * the units the parent sends and reporting every line, picture and record back to the parent, which
 * alone writes the run folder.
 */
import { type Backend, useBackend } from '../core/backend.js';
import { isUserError } from '../core/errors.js';
import { loadPlugin } from './plugins.js';
import { runUnit } from './run-unit.js';
import type { Unit, UnitContext } from './unit.js';
import type { ParentMessage, WorkerMessage } from './worker-messages.js';
import { registerTaskConfig } from '../datasets/task-config.js';

function send(m: WorkerMessage): void {
  process.send!(m);
}

process.on('message', (raw: unknown) => {
  const m = raw as ParentMessage;
  void (async () => {
    try {
      if (m.type === 'init') {
        await useBackend(m.backend as Backend);
        if (m.taskConfig) await registerTaskConfig(m.taskConfig.path, { expectSha256: m.taskConfig.sha256 });
        for (const path of m.plugins) await loadPlugin(path, { replace: m.replace });
        send({ type: 'ready' });
      } else if (m.type === 'unit') {
        await runUnit(m.unit as Unit, m.ctx as UnitContext, {
          step: (label) => send({ type: 'step', label }),
          explanations: (task, explainer, lines, artifacts) => send({ type: 'explanations', task, explainer, lines, artifacts }),
          result: (record) => send({ type: 'result', record }),
        });
        send({ type: 'done' });
      } else if (m.type === 'exit') {
        process.exit(0);
      }
    } catch (e) {
      send({ type: 'error', message: (e as Error).message.split('\n')[0], user: isUserError(e), stack: (e as Error).stack ?? '' });
    }
  })();
});
