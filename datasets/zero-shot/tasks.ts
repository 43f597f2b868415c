/**
 * The zero-shot tasks, one per split (zsl-u89, ...): mnist10k with training rows of the seen digits
 * only, the whole test split (seen and unseen digits), the split's seen-class network, and the
 * digit-shape knowledge graph. They offer 'knowledge-graph' and are meant for the concept-path family
 * only: their network is an ordinary seen-digit classifier like mnist-mlp, so attribution cells there
 * would explain the seen-class head, not the zero-shot decision, at the quick profile's expense.
 */
import { join } from 'node:path';
import { loadModel } from '../../core/model.js';
import { digitShapeGraph } from '../knowledge-graph/load-graph.js';
import { loadMnist10k } from '../mnist10k.js';
import type { Task, TaskSpec } from '../task.js';
import { taskFromDataset } from '../task-from-dataset.js';
import { seenOnlyDataset } from './seen-data.js';
import { ZERO_SHOT_SPLITS, ZSL_FEATURE_LAYER, type ZeroShotSplit } from './splits.js';
import { zslModelDir } from './zsl-models.js';

async function loadZeroShotTask(split: ZeroShotSplit, description: string): Promise<Task> {
  const data = seenOnlyDataset(loadMnist10k(), split);
  const model = await loadModel(join(zslModelDir(split.id), 'model.json'));
  const task = taskFromDataset(data, { id: split.id, description, modelId: split.id, model });
  return { ...task, zeroShot: { seen: split.seen, unseen: split.unseen, graph: digitShapeGraph(), featureLayer: ZSL_FEATURE_LAYER } };
}

export const zeroShotTaskSpecs: readonly TaskSpec[] = ZERO_SHOT_SPLITS.map((split) => {
  const description = `zero-shot mnist10k: digits ${split.unseen.join(' and ')} unseen in training, recognised through the digit-shape knowledge graph`;
  return {
    id: split.id,
    description,
    kind: 'image',
    datasetId: 'mnist10k',
    modelId: split.id,
    groundTruthUsable: () => false,
    offers: ['predict', 'gradients', 'layers', 'training-data', 'knowledge-graph'],
    families: ['concept-path'],
    load: () => loadZeroShotTask(split, description),
  };
});
