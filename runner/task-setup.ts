/**
 * A task as a run's units use it: data, model and engine, the explained samples and the classes the
 * model predicts for them, and the ground truth where the task's check showed the model uses it.
 * Loaded once per process and task, for all the task's units.
 */
import { type Batch, selectSamples, sizeOf } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { loadTask } from '../datasets/index.js';
import type { Task } from '../datasets/task.js';
import type { TaskData } from '../explainers/types.js';
import { inputCount } from './protected-samples.js';

export interface TaskSetup {
  readonly task: Task;
  readonly engine: Engine;
  readonly sampleIds: readonly string[];
  readonly batch: Batch;
  readonly targets: Int32Array;
  readonly groundTruth?: Uint8Array;
  readonly groundTruthWeights?: Float32Array;
  readonly data: TaskData;
}

const setups = new Map<string, Promise<TaskSetup>>();

/** Per process: a task's data, model, samples and targets, loaded once for all its units. */
export function taskSetup(taskId: string, samplesPerTask: number | 'all', minPerGroup?: number): Promise<TaskSetup> {
  const key = `${taskId}|${samplesPerTask}|${minPerGroup ?? ''}`;
  let p = setups.get(key);
  if (!p) {
    p = loadSetup(taskId, samplesPerTask, minPerGroup);
    setups.set(key, p);
    p.catch(() => setups.delete(key));
  }
  return p;
}

async function loadSetup(taskId: string, samplesPerTask: number | 'all', minPerGroup?: number): Promise<TaskSetup> {
  const task = await loadTask(taskId);
  const engine = new Engine(task.model);
  const n = inputCount(task, samplesPerTask, minPerGroup);
  const sampleIds = task.sampleIds(n);
  const indices = sampleIds.map((id) => task.sampleIndex(id));
  const batch = selectSamples(task.test.x, indices);
  const targets = predictedTargets(engine, batch);
  const usable = task.groundTruth !== undefined && task.groundTruthCheck?.passed === true;
  const groundTruth = usable ? groundTruthMasks(task, indices) : undefined;
  const weights = usable ? groundTruthWeights(task, targets) : undefined;
  return {
    task,
    engine,
    sampleIds,
    batch,
    targets,
    ...(groundTruth ? { groundTruth } : {}),
    ...(weights ? { groundTruthWeights: weights } : {}),
    data: { train: task.train, test: task.test },
  };
}

/** The inputs a metric scores: a unit's samples with their ground truth. */
export interface ScoredInputs<S> {
  readonly batch: Batch;
  readonly samples: readonly S[];
  readonly groundTruth?: Uint8Array;
  readonly groundTruthWeights?: Float32Array;
}

/** The first `n` inputs of a unit (all of them when n is absent or not smaller). */
export function prefixOf<S>(s: TaskSetup, samples: readonly S[], n: number | undefined): ScoredInputs<S> {
  const all = { batch: s.batch, samples, groundTruth: s.groundTruth, groundTruthWeights: s.groundTruthWeights };
  if (n === undefined || n >= samples.length) return all;
  const d = sizeOf(s.batch.sampleShape);
  return {
    batch: selectSamples(s.batch, Array.from({ length: n }, (_, i) => i)),
    samples: samples.slice(0, n),
    groundTruth: s.groundTruth?.subarray(0, n * d),
    groundTruthWeights: s.groundTruthWeights?.subarray(0, n * d),
  };
}

/** Per-sample ground-truth masks over input elements, for the samples being explained. */
function groundTruthMasks(task: Task, indices: readonly number[]): Uint8Array | undefined {
  const gt = task.groundTruth;
  if (!gt) return undefined;
  const d = sizeOf(task.sampleShape);
  const out = new Uint8Array(indices.length * d);
  indices.forEach((idx, i) => {
    if (gt.kind === 'mask') out.set(gt.masks(idx), i * d);
    else for (const f of gt.relevant) out[i * d + f] = 1;
  });
  return out;
}

/**
 * Signed true weights in model-input space per sample, where the generator's label is a known linear
 * score: coefficient x feature scale (inputs are standardised), negated when explaining class 0.
 */
function groundTruthWeights(task: Task, targets: Int32Array): Float32Array | undefined {
  const gt = task.groundTruth;
  if (!gt || gt.kind !== 'features' || !gt.coefficients || task.classes.length !== 2) return undefined;
  const d = sizeOf(task.sampleShape);
  const out = new Float32Array(targets.length * d);
  targets.forEach((t, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = (t === 1 ? 1 : -1) * gt.coefficients![j] * (task.scale ? task.scale.std[j] : 1);
  });
  return out;
}

/** The benchmark explains what the model predicts. */
function predictedTargets(engine: Engine, batch: Batch): Int32Array {
  const p = engine.outputs(batch, 'probability');
  const c = engine.numClasses;
  const t = new Int32Array(batch.n);
  for (let i = 0; i < batch.n; i++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (p[i * c + k] > p[i * c + best]) best = k;
    t[i] = best;
  }
  return t;
}
