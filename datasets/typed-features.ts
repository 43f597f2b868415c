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
