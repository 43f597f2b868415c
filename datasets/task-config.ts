/**
 * `run --config FILE`: reads a task config, builds each of its tasks, tabular or image (data and model, checked against
 * each other) and registers them for this process. The run loop calls it before planning, and each
 * worker process calls it again with the parent's hash, so every process runs the same tasks.
 * A backend must be active (models are loaded).
 */
import { UserError } from '../core/errors.js';
import type { BuiltConfigTask, ConfigTaskFacts } from './config-entry.js';
import { buildImageConfigTask, type ImageConfigTaskDefinition } from './config-image-task.js';
import { buildConfigTask, type ConfigTaskDefinition } from './config-task.js';
import { isBuiltInTask, registerTasks } from './index.js';
import { readTaskConfigFile } from './task-config-file.js';
import type { TaskSpec } from './task.js';

/** What run.json records under config.taskConfig: enough to know, on resume, whether the tasks are the same. */
export interface TaskConfigRecord {
  readonly path: string;
  readonly sha256: string;
  readonly tasks: readonly AnyConfigTaskDefinition[];
}

/** A tabular task's definition (no `kind`, as before image tasks existed) or an image task's. */
export type AnyConfigTaskDefinition = ConfigTaskDefinition | ImageConfigTaskDefinition;

export interface RegisteredTaskConfig {
  readonly record: TaskConfigRecord;
  readonly facts: ReadonlyMap<string, ConfigTaskFacts>;
}

export async function registerTaskConfig(path: string, opts: { expectSha256?: string } = {}): Promise<RegisteredTaskConfig> {
  const config = readTaskConfigFile(path);
  if (opts.expectSha256 !== undefined && config.sha256 !== opts.expectSha256) {
    throw new UserError(`--config ${path}: the file changed during the run (its sha256 differs from the one the run started with); run again`);
  }
  config.file.tasks.forEach((t, i) => {
    if (isBuiltInTask(t.id)) throw new UserError(`${config.path}: tasks[${i}].id: '${t.id}' is the id of a built-in task; give yours its own id`);
  });
  const specs: TaskSpec[] = [];
  const definitions: AnyConfigTaskDefinition[] = [];
  const facts = new Map<string, ConfigTaskFacts>();
  for (const [i, entry] of config.file.tasks.entries()) {
    const built: BuiltConfigTask<AnyConfigTaskDefinition> =
      entry.kind === 'image' ? await buildImageConfigTask(entry, config.path, i) : await buildConfigTask(entry, config.path, i);
    const { task } = built;
    definitions.push(built.definition);
    facts.set(task.id, built.facts);
    specs.push({
      id: task.id,
      description: task.description,
      kind: task.kind,
      datasetId: task.dataset.id,
      modelId: task.modelId,
      groundTruthUsable: () => task.groundTruthCheck?.passed === true,
      // What the model offers (an ONNX graph has no layers), and the task's training split.
      offers: [...task.model.offers, 'training-data'],
      ...(task.protectedAttribute ? { hasProtectedAttribute: true } : {}),
      load: () => Promise.resolve(task),
    });
  }
  // All or none: a bad entry later in the file leaves the registry as it was.
  registerTasks(specs);
  return { record: { path: config.path, sha256: config.sha256, tasks: definitions }, facts };
}
