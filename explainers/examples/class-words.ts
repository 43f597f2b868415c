/** Small shared wording for the examples family's text (class names, percentages, feature values in original units). */
import type { TaskView } from '../../datasets/task.js';
import { formatValue } from '../attribution/attribution-text.js';

export function className(task: TaskView, c: number): string {
  return task.classes[c] ?? `class ${c}`;
}

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** A model-input value of feature j in original units (inputs of tabular tasks are standardised). */
export function rawValue(task: TaskView, j: number, v: number): number {
  const s = task.scale;
  return s ? v * s.std[j] + s.mean[j] : v;
}

export function valueWithUnit(task: TaskView, j: number, v: number): string {
  const unit = task.units?.[j] ? ` ${task.units[j]}` : '';
  return `${formatValue(rawValue(task, j, v))}${unit}`;
}

/** The row-wise argmax of n x c scores. */
export function argmaxRows(scores: Float32Array, c: number): Int32Array {
  const n = scores.length / c;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (scores[i * c + k] > scores[i * c + best]) best = k;
    out[i] = best;
  }
  return out;
}
