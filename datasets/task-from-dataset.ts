/**
 * Builds a Task from a loaded Dataset and a trained model: the all-zero baseline in model-input space
 * (the training mean for standardised tables, a blank image for images), the training split as
 * background, and sample ids `test-NNNN` (test-split rows) in an order fixed by the data set id, so all
 * models of a data set share ids and a smaller profile's ids are a prefix of a larger one's.
 */
import { sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { rngFor } from '../core/rng.js';
import type { Dataset } from './dataset.js';
import type { GroundTruthCheck, Task } from './task.js';

export interface SampleIdScheme {
  sampleIds(n: number): string[];
  sampleIndex(id: string): number;
}

/**
 * Sample ids over `testSize` rows in the order of a permutation seeded by `datasetId`. With `groups`
 * (a group per test row, e.g. the protected attribute's level), the permutation is dealt round-robin
 * over the groups, each in its permuted order, so any prefix holds the groups as evenly as their sizes
 * allow (a group smaller than its share is taken whole) and per-group summaries have inputs.
 */
export function sampleIdScheme(owner: string, datasetId: string, testSize: number, groups?: ArrayLike<number>): SampleIdScheme {
  const width = Math.max(4, String(testSize - 1).length);
  const format = (row: number): string => `test-${String(row).padStart(width, '0')}`;
  let order: number[] | null = null;
  return {
    sampleIds(n) {
      if (!(n >= 0) || (!Number.isInteger(n) && n !== Infinity)) throw new RangeError(`sampleIds: n must be a non-negative integer, got ${n}`);
      order ??= stratify(rngFor(0, 'sample-ids', datasetId).permutation(testSize), groups);
      return order.slice(0, Math.min(n, testSize)).map(format);
    },
    sampleIndex(id) {
      const m = /^test-(\d+)$/.exec(id);
      const row = m ? Number(m[1]) : -1;
      if (!m || row >= testSize || format(row) !== id) {
        throw new UserError(`${owner}: unknown sample id '${id}' (expected ${format(0)} .. ${format(testSize - 1)})`);
      }
      return row;
    },
  };
}

function stratify(order: number[], groups?: ArrayLike<number>): number[] {
  if (!groups) return order;
  const queues = new Map<number, number[]>();
  for (const row of order) {
    const q = queues.get(groups[row]) ?? [];
    q.push(row);
    queues.set(groups[row], q);
  }
  const lists = [...queues.keys()].sort((a, b) => a - b).map((g) => queues.get(g)!);
  const out: number[] = [];
  for (let k = 0; out.length < order.length; k++) for (const q of lists) if (k < q.length) out.push(q[k]);
  return out;
}

export function taskFromDataset(
  data: Dataset,
  t: { id: string; description: string; modelId: string; model: Model; groundTruthCheck?: GroundTruthCheck },
): Task {
  const ids = sampleIdScheme(`task ${t.id}`, data.info.id, data.test.x.n, data.sampleGroups);
  return {
    id: t.id,
    description: t.description,
    kind: data.kind,
    sampleShape: data.sampleShape,
    classes: data.classes,
    featureNames: data.featureNames,
    units: data.units,
    scale: data.scale,
    baseline: new Float32Array(sizeOf(data.sampleShape)),
    background: data.train.x,
    dataset: data.info,
    modelId: t.modelId,
    model: t.model,
    train: data.train,
    test: data.test,
    groundTruth: data.groundTruth,
    groundTruthCheck: t.groundTruthCheck,
    protectedAttribute: data.protectedAttribute,
    features: data.features,
    immutable: data.immutable,
    sampleIds: ids.sampleIds,
    sampleIndex: ids.sampleIndex,
  };
}
