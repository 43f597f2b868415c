/**
 * The task registry: one task per model of the zoo (datasets/zoo-spec.ts), listed cheaply and loaded
 * on demand (data set, trained model from datasets/models/<id>/, recorded ground-truth check).
 * Loaded tasks are cached per process.
 */
import { UserError } from '../harness/errors.js';
import { loadModel } from '../harness/model.js';
import { loadDataset } from './dataset-registry.js';
import type { Task, TaskSpec } from './task.js';
import { taskFromDataset } from './task-from-dataset.js';
import { modelJsonPath, zooEntry } from './zoo.js';
import { MODEL_SPECS } from './zoo-spec.js';
import { zeroShotTaskSpecs } from './zero-shot/tasks.js';
import { generatorTaskSpecs } from './generator-task.js';

const IMAGE_SETS = new Set(['mnist10k', 'digits8x8', 'synth-pattern']);
const loaded = new Map<string, Promise<Task>>();

const zooTaskSpecs: readonly TaskSpec[] = MODEL_SPECS.map((m) => {
  const spec: TaskSpec = {
    id: m.id,
    description: m.description,
    kind: IMAGE_SETS.has(m.datasetId) ? 'image' : 'tabular',
    datasetId: m.datasetId,
    modelId: m.id,
    groundTruthUsable: () => zooEntry(m.id).groundTruthCheck?.passed === true,
    offers: ['predict', 'gradients', 'layers', 'training-data'],
    load: () => loadTask(m.id),
  };
  return spec;
});

export const taskSpecs: readonly TaskSpec[] = [...zooTaskSpecs, ...zeroShotTaskSpecs, ...generatorTaskSpecs];

export function getTaskSpec(id: string): TaskSpec {
  const spec = taskSpecs.find((t) => t.id === id);
  if (!spec) throw new UserError(`task '${id}': unknown (known: ${taskSpecs.map((t) => t.id).join(', ')})`);
  return spec;
}

async function load(spec: TaskSpec): Promise<Task> {
  if (zeroShotTaskSpecs.includes(spec)) return spec.load();
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
