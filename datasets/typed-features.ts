/**
 * A task's features as a user reads them: its typed features where it declares them, otherwise one
 * numeric feature per input column. Explainers and metrics that report per feature (attribution
 * sums, coalitions, counterfactual moves, rule text) go through here so that a one-hot categorical
 * feature is always one feature.
 */
import type { TaskView, TypedFeature } from './task.js';

export function typedFeaturesOf(task: Pick<TaskView, 'features' | 'featureNames' | 'units'>): readonly TypedFeature[] {
  if (task.features) return task.features;
  return task.featureNames.map((name, j) => ({ kind: 'numeric', name, unit: task.units?.[j] ?? '', columns: [j] }));
}

/** Sum of |a| over each feature's columns, for one row of attributions. */
export function featureMagnitudes(row: ArrayLike<number>, features: readonly TypedFeature[]): Float64Array {
  return Float64Array.from(features, (f) => f.columns.reduce((s, c) => s + Math.abs(row[c]), 0));
}

/** The names of features a counterfactual may not change: the task's list, or none. */
export function immutableColumns(task: Pick<TaskView, 'features' | 'featureNames' | 'units' | 'immutable'>, names = task.immutable ?? []): Set<number> {
  const features = typedFeaturesOf(task);
  const out = new Set<number>();
  for (const n of names) for (const c of features.find((f) => f.name === n)?.columns ?? []) out.add(c);
  return out;
}

/** Column c of a model-input row in original units. */
function rawAt(task: Pick<TaskView, 'scale'>, row: ArrayLike<number>, c: number): number {
  return task.scale ? row[c] * task.scale.std[c] + task.scale.mean[c] : row[c];
}

/** The level index a categorical feature holds in a model-input row (binary: raw >= 0.5; one-hot: the largest column). */
export function levelOf(task: Pick<TaskView, 'scale'>, f: Extract<TypedFeature, { kind: 'categorical' }>, row: ArrayLike<number>): number {
  if (f.columns.length === 1) return rawAt(task, row, f.columns[0]) >= 0.5 ? 1 : 0;
  let best = 0;
  f.columns.forEach((c, k) => {
    if (rawAt(task, row, c) > rawAt(task, row, f.columns[best])) best = k;
  });
  return best;
}

/** A feature's value in a model-input row as a user reads it: the level name, or the number in original units. */
export function featureValue(task: Pick<TaskView, 'scale'>, f: TypedFeature, row: ArrayLike<number>): string | number {
  return f.kind === 'categorical' ? f.levels[levelOf(task, f, row)] : rawAt(task, row, f.columns[0]);
}
