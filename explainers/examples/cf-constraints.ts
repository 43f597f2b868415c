/**
 * What a counterfactual may change on a typed table: immutable features (the protected attribute by
 * default; Wachter et al. 2017, "Counterfactual explanations without opening the black box", and
 * Ustun et al. 2019, "Actionable recourse in linear classification", exclude such features from
 * recourse) stay at their values, and a categorical feature only takes one of its levels (Mothilal et
 * al. 2020, DiCE, snap one-hot columns to a level). Works in model-input space: binary columns snap to
 * the encoded 0 or 1, one-hot groups to the encoded indicator of their largest column.
 */
import { UserError } from '../../core/errors.js';
import type { TaskView } from '../../datasets/task.js';
import { immutableColumns, typedFeaturesOf } from '../../datasets/typed-features.js';

export interface CfConstraints {
  /** Columns that keep the original's value. */
  readonly frozen: ReadonlySet<number>;
  /** Columns per feature, for putting back whole features when making the change sparse. */
  readonly groups: readonly (readonly number[])[];
  /** Moves every categorical feature of one point (in place) to its nearest valid level. */
  snap(point: Float32Array, offset: number): void;
}

/** 'task' = the task's immutable list; 'none'; or feature names joined by '+'. */
export function immutableNames(task: TaskView, setting: string): readonly string[] {
  if (setting === 'task') return task.immutable ?? [];
  if (setting === 'none') return [];
  const names = setting.split('+').map((s) => s.trim());
  const known = typedFeaturesOf(task).map((f) => f.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) throw new UserError(`counterfactual.immutable: '${unknown.join("', '")}' is not a feature of task ${task.id} (features: ${known.join(', ')})`);
  return names;
}

/** Constraints of a task, or null when it has neither typed categorical features nor immutable ones. */
export function cfConstraints(task: TaskView, immutable: readonly string[]): CfConstraints | null {
  if (!task.features && immutable.length === 0) return null;
  const features = typedFeaturesOf(task);
  const enc = (c: number, raw: number): number => (task.scale ? (raw - task.scale.mean[c]) / task.scale.std[c] : raw);
  const dec = (c: number, v: number): number => (task.scale ? v * task.scale.std[c] + task.scale.mean[c] : v);
  const categorical = features.filter((f) => f.kind === 'categorical');
  return {
    frozen: immutableColumns(task, immutable),
    groups: features.map((f) => f.columns),
    snap(point, offset) {
      for (const f of categorical) {
        if (f.columns.length === 1) {
          const c = f.columns[0];
          point[offset + c] = enc(c, dec(c, point[offset + c]) >= 0.5 ? 1 : 0);
          continue;
        }
        const best = f.columns.reduce((a, b) => (dec(b, point[offset + b]) > dec(a, point[offset + a]) ? b : a));
        for (const c of f.columns) point[offset + c] = enc(c, c === best ? 1 : 0);
      }
    },
  };
}
