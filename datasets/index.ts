/**
 * The task registry: one task per model of the zoo (datasets/zoo-spec.ts), listed cheaply and loaded
 * on demand (data set, trained model from data/models/<id>/, recorded ground-truth check).
 * Loaded tasks are cached per process.
 */
import { UserError } from '../core/errors.js';
import { loadModel } from '../core/model.js';
import { loadDataset } from './dataset-registry.js';
import type { Task, TaskSpec } from './task.js';
import { taskFromDataset } from './task-from-dataset.js';
import { modelJsonPath, zooEntry } from './zoo.js';
import { MODEL_SPECS } from './zoo-spec.js';
import { zeroShotTaskSpecs } from './zero-shot/tasks.js';
import { generatorTaskSpecs } from './generator-task.js';

const IMAGE_SETS = new Set(['mnist10k', 'digits8x8', 'synth-pattern', 'fashion-mnist']);
/** Data sets with a protected attribute (datasets/synthetic/hiring.ts, datasets/high-stakes-sets.ts). */
const PROTECTED_SETS = new Set(['hiring-fair', 'hiring-biased', 'german-credit', 'hmda', 'credit-data']);
const loaded = new Map<string, Promise<Task>>();

const zooTaskSpecs: readonly TaskSpec[] = MODEL_SPECS.map((m) => {
  const spec: TaskSpec = {
    id: m.id,
    description: m.description,
    kind: IMAGE_SETS.has(m.datasetId) ? 'image' : 'tabular',
    datasetId: m.datasetId,
    modelId: m.id,
    groundTruthUsable: () => zooEntry(m.id).groundTruthCheck?.passed === true,
    // Grad-CAM needs a Conv2D layer: only the CNN architectures of the zoo offer one.
    offers: m.architecture.kind.startsWith('cnn') ? ['predict', 'gradients', 'layers', 'conv-layers', 'training-data'] : ['predict', 'gradients', 'layers', 'training-data'],
    ...(PROTECTED_SETS.has(m.datasetId) ? { hasProtectedAttribute: true } : {}),
    load: () => loadTask(m.id),
  };
  return spec;
});

const builtInTaskSpecs: readonly TaskSpec[] = [...zooTaskSpecs, ...zeroShotTaskSpecs, ...generatorTaskSpecs];
const registry: TaskSpec[] = [...builtInTaskSpecs];
/** Ids of tasks added for this process (`run --config FILE`), which load themselves. */
const userTaskIds = new Set<string>();

/** Every task: the built-in ones, then those registered for this process. */
export const taskSpecs: readonly TaskSpec[] = registry;

export function isBuiltInTask(id: string): boolean {
  return builtInTaskSpecs.some((t) => t.id === id);
}

/**
 * Adds a user's tasks to the registry of this process (as plugins are added to the explainers). A
 * task of the same id registered before is replaced; a built-in id is refused.
 */
export function registerTasks(specs: readonly TaskSpec[]): void {
  for (const s of specs) if (isBuiltInTask(s.id)) throw new UserError(`task '${s.id}' is the id of a built-in task: give yours its own id`);
  for (const s of specs) {
    const k = registry.findIndex((t) => t.id === s.id);
    if (k >= 0) registry.splice(k, 1, s);
    else registry.push(s);
    userTaskIds.add(s.id);
    loaded.delete(s.id);
  }
}

export function getTaskSpec(id: string): TaskSpec {
  const spec = taskSpecs.find((t) => t.id === id);
  if (!spec) throw new UserError(`task '${id}': unknown (known: ${taskSpecs.map((t) => t.id).join(', ')})`);
  return spec;
}

async function load(spec: TaskSpec): Promise<Task> {
  if (userTaskIds.has(spec.id) || zeroShotTaskSpecs.includes(spec)) return spec.load();
  if (generatorTaskSpecs.includes(spec)) return spec.load();
  const data = loadDataset(spec.datasetId);
  const entry = zooEntry(spec.modelId);
  const model = await loadModel(modelJsonPath(spec.modelId));
  return taskFromDataset(data, {
    id: spec.id,
    description: spec.description,
    modelId: spec.modelId,
    model,
    groundTruthCheck: entry.groundTruthCheck,
  });
}

export function loadTask(id: string): Promise<Task> {
  const spec = getTaskSpec(id);
  let p = loaded.get(id);
  if (!p) {
    p = load(spec);
    loaded.set(id, p);
    // A failed load is not cached, so a fixed problem (e.g. after training) is picked up.
    p.catch(() => loaded.delete(id));
  }
  return p;
}
