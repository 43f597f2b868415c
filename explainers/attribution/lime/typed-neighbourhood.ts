/**
 * LIME on typed tables: a one-hot categorical feature is one interpretable feature, as in the
 * reference's categorical_features (LimeTabularExplainer: a categorical column's value is drawn with its
 * training frequency, and the interpretable row holds 1 where the drawn value equals the instance's).
 * The quartile neighbourhood (tabular-neighbourhood.ts) draws its columns independently, which would
 * give rows with several levels at once; here each one-hot feature's columns are overwritten with one
 * drawn level, and the interpretable rows are per typed feature (numeric and binary features keep their
 * quartile-bin indicator). Occlusion and KernelSHAP likewise remove such a feature as one unit
 * (feature-groups.ts tabularGroups).
 */
import type { Rng } from '../../../core/rng.js';
import type { Batch } from '../../../core/batch.js';
import type { TaskView, TypedFeature } from '../../../datasets/task.js';
import { levelOf } from '../../../datasets/typed-features.js';
import type { TabularNeighbourhood } from './tabular-neighbourhood.js';

type Categorical = Extract<TypedFeature, { kind: 'categorical' }>;

/** A one-hot feature's level frequencies over the training rows LIME's fit read. */
export interface LevelSampler {
  /** Index into the task's typed features. */
  readonly feature: number;
  readonly cumulative: Float64Array;
}

const oneHot = (f: TypedFeature): f is Categorical => f.kind === 'categorical' && f.columns.length > 1;

/** Level frequencies of every one-hot feature over the given background rows. */
export function levelSamplers(task: Pick<TaskView, 'features' | 'scale'>, data: Batch, rows: readonly number[]): LevelSampler[] {
  const d = data.data.length / data.n;
  return (task.features ?? []).flatMap((f, feature) => {
    if (!oneHot(f)) return [];
    const counts = new Float64Array(f.levels.length);
    for (const r of rows) counts[levelOf(task, f, data.data.subarray(r * d, (r + 1) * d))]++;
    let acc = 0;
    return [{ feature, cumulative: counts.map((c) => (acc += c)) }];
  });
}

export interface TypedNeighbourhood {
  /** rows x typed features, 1 where the row keeps the instance's bin or level. */
  readonly masks: Uint8Array;
  /** The instance's level per typed feature (-1 for numeric and binary features). */
  readonly instanceLevels: Int32Array;
}

/**
 * Rewrites `nb.inputs` (rows 1.. only; row 0 is the instance) so that each one-hot feature holds one
 * drawn level, and gives the interpretable rows per typed feature.
 */
export function typedNeighbourhood(
  task: Pick<TaskView, 'features' | 'scale'>,
  x: ArrayLike<number>,
  nb: TabularNeighbourhood,
  samplers: readonly LevelSampler[],
  samples: number,
  rng: Rng,
): TypedNeighbourhood {
  const features = task.features!;
  const d = x.length;
  const m = features.length;
  const masks = new Uint8Array(samples * m);
  const instanceLevels = new Int32Array(m).fill(-1);
  features.forEach((f, k) => {
    if (!oneHot(f)) for (let i = 0; i < samples; i++) masks[i * m + k] = nb.masks[i * d + f.columns[0]];
  });
  for (const s of samplers) {
    const f = features[s.feature] as Categorical;
    const own = levelOf(task, f, x);
    instanceLevels[s.feature] = own;
    // The model-input value of column c when it is (1) or is not (0) the row's level.
    const scaled = (c: number, raw: number) => (task.scale ? (raw - task.scale.mean[c]) / task.scale.std[c] : raw);
    const total = s.cumulative[s.cumulative.length - 1];
    masks[s.feature] = 1;
    for (let i = 1; i < samples; i++) {
      const u = rng.next() * total;
      let level = 0;
      while (level < s.cumulative.length - 1 && !(u < s.cumulative[level])) level++;
      masks[i * m + s.feature] = level === own ? 1 : 0;
      f.columns.forEach((c, j) => (nb.inputs[i * d + c] = scaled(c, j === level ? 1 : 0)));
    }
  }
  return { masks, instanceLevels };
}
