/** Small shared wording for the examples family's text (class names, percentages, feature values in original units). */
import type { TaskView } from '../../datasets/task.js';
import { classNameKo, unitKo } from '../../core/korean-words.js';
import { formatValue } from '../attribution/attribution-text.js';

/** A class's name; in Korean texts, the Korean of the built-in data sets' names (core/korean-words.ts). */
export function className(task: TaskView, c: number, lang: 'en' | 'ko' = 'en'): string {
  const name = task.classes[c];
  if (lang === 'ko') return name === undefined ? `클래스 ${c}` : classNameKo(name);
  return name ?? `class ${c}`;
}

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** A model-input value of feature j in original units (inputs of tabular tasks are standardised). */
export function rawValue(task: TaskView, j: number, v: number): number {
  const s = task.scale;
  return s ? v * s.std[j] + s.mean[j] : v;
}

export function valueWithUnit(task: TaskView, j: number, v: number, lang: 'en' | 'ko' = 'en'): string {
  const u = task.units?.[j];
  if (!u) return formatValue(rawValue(task, j, v));
  // Korean writes a unit word right after the number (3.5년, 70점); symbols keep their space (12 km).
  const ko = unitKo(u);
  return lang === 'ko' ? `${formatValue(rawValue(task, j, v))}${ko === u ? ` ${u}` : ko}` : `${formatValue(rawValue(task, j, v))} ${u}`;
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
