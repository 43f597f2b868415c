/**
 * A counterfactual's changes per typed feature (datasets/typed-features.ts): a numeric feature in its
 * unit, a categorical one by level name ("purpose: radio/television -> used car"), never per one-hot
 * column. Largest change first, measured in model-input units (comparable across features).
 */
import type { TaskView, TypedFeature } from '../../datasets/task.js';
import { levelOf, typedFeaturesOf } from '../../datasets/typed-features.js';
import { rawValue } from './class-words.js';
import type { FeatureChange } from './example-query.js';

export function categoricalChanges(task: TaskView, x: Float32Array, cf: Float32Array, unchanged: number): FeatureChange[] {
  const size = (f: TypedFeature) => Math.sqrt(f.columns.reduce((s, c) => s + (cf[c] - x[c]) ** 2, 0));
  const moved = typedFeaturesOf(task)
    .filter((f) => f.columns.some((c) => Math.abs(cf[c] - x[c]) > unchanged))
    .sort((a, b) => size(b) - size(a) || a.columns[0] - b.columns[0]);
  return moved.map((f): FeatureChange => {
    const c = f.columns[0];
    if (f.kind === 'numeric') {
      return { feature: c, name: f.name, from: rawValue(task, c, x[c]), to: rawValue(task, c, cf[c]), ...(f.unit ? { unit: f.unit } : {}) };
    }
    const from = levelOf(task, f, x);
    const to = levelOf(task, f, cf);
    return { feature: c, name: f.name, from, to, fromLevel: f.levels[from], toLevel: f.levels[to] };
  });
}
