/** Hand-built TaskView, Engine and MetricContext for metric tests (no data set needed). */
import { Engine } from '../../core/engine.js';
import type { Model, OutputKind } from '../../core/model.js';
import { rngFor } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import type { AttributionInput, MetricContext } from '../../metrics/types.js';
import { makeBatch } from '../../core/batch.js';

export function tabularTask(d: number, numClasses: number, baseline: Float32Array = new Float32Array(d)): TaskView {
  return {
    id: 'test-tabular',
    kind: 'tabular',
    sampleShape: [d],
    classes: Array.from({ length: numClasses }, (_, c) => `class ${c}`),
    featureNames: Array.from({ length: d }, (_, j) => `f${j}`),
    baseline,
  };
}

/** An h x w x 1 image task with a zero baseline. */
export function imageTask(h: number, w: number, numClasses: number): TaskView {
  return {
    id: 'test-image',
    kind: 'image',
    sampleShape: [h, w, 1],
    classes: Array.from({ length: numClasses }, (_, c) => `class ${c}`),
    featureNames: Array.from({ length: h * w }, (_, p) => `pixel(${Math.floor(p / w)},${p % w})`),
    baseline: new Float32Array(h * w),
  };
}

export function metricContext(model: Model, task: TaskView, seed = 1, metricId = 'metric', batchSize = 64): MetricContext {
  const engine = new Engine(model, batchSize);
  return {
    engine,
    task,
    rng: (sampleId, purpose) => rngFor(seed, task.id, 'explainer', metricId, sampleId, purpose),
    sharedRng: (sampleId, purpose) => rngFor(seed, task.id, 'explainer', 'shared', sampleId, purpose),
  };
}

export function attributionInput(
  data: Float32Array,
  sampleShape: readonly number[],
  targets: ArrayLike<number>,
  attributions: Float32Array,
  output: OutputKind,
  extra: Partial<Pick<AttributionInput, 'reference' | 'cost' | 'groundTruth'>> = {},
): AttributionInput {
  const batch = makeBatch(data, sampleShape);
  return {
    batch,
    targets: Int32Array.from(targets),
    sampleIds: Array.from({ length: batch.n }, (_, i) => `s${i}`),
    attributions,
    output,
    ...extra,
  };
}
