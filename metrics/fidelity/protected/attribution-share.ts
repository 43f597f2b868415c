/**
 * How prominent a protected attribute is in one attribution: its share of the total absolute
 * attribution, and its rank among the task's features (1 = the largest), both with a categorical
 * feature's columns summed into one feature (datasets/typed-features.ts).
 */
import type { TypedFeature } from '../../../datasets/task.js';
import { featureMagnitudes } from '../../../datasets/typed-features.js';

export interface Prominence {
  /** |a| of the attribute / sum of |a| over all features; null when the attribution is all zero. */
  readonly share: number | null;
  /** 1 + the number of features with a strictly larger |a| (ties share the better rank). */
  readonly rank: number;
}

export function protectedProminence(row: ArrayLike<number>, features: readonly TypedFeature[], attributeName: string): Prominence {
  const k = features.findIndex((f) => f.name === attributeName);
  if (k < 0) throw new RangeError(`protected attribute '${attributeName}' is not one of the task's features`);
  const m = featureMagnitudes(row, features);
  const total = m.reduce((s, v) => s + v, 0);
  return { share: total > 0 ? m[k] / total : null, rank: 1 + m.filter((v) => v > m[k]).length };
}
