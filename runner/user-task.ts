/**
 * The TaskView for a user's own model (`explain`, `score`): everything is derived from the model and
 * the input file, since there is no data set behind it. Images are inputs of rank >= 2.
 */
import type { Batch } from '../core/batch.js';
import type { Model } from '../core/model.js';
import type { TaskView } from '../datasets/task.js';

/** A class's name, or on a score model its output's: 'score' for the one output, 'output i' for several. */
function outputName(model: Model, i: number): string {
  if (!model.score) return `class ${i}`;
  return model.numClasses === 1 ? 'score' : `output ${i}`;
}

export function userTaskView(model: Model, inputs: Batch, background?: Batch): TaskView {
  const shape = model.inputShape;
  const d = shape.reduce((a, b) => a * b, 1);
  const image = shape.length >= 2;
  const featureNames = image
    ? Array.from({ length: d }, (_, i) => {
        const w = shape[1];
        const c = shape.length > 2 ? shape.slice(2).reduce((a, b) => a * b, 1) : 1;
        const px = Math.floor(i / c);
        return `pixel(${Math.floor(px / w)},${px % w})`;
      })
    : Array.from({ length: d }, (_, i) => `x${i}`);
  return {
    id: 'user',
    kind: image ? 'image' : 'tabular',
    sampleShape: shape,
    classes: Array.from({ length: model.numClasses }, (_, i) => outputName(model, i)),
    ...(model.score ? { score: true } : {}),
    featureNames,
    baseline: new Float32Array(d),
    background: background ?? inputs,
  };
}
