/**
 * What the tabular and image tasks of a task config (`run --config FILE`) share: where an entry sits
 * (for messages that name the config file and field), the default class order, loading the user's
 * model, the check that every class has rows in both splits, and the facts measured when a task is built.
 */
import { existsSync } from 'node:fs';
import { isUserError, UserError } from '../core/errors.js';
import { loadModel, type Model } from '../core/model.js';
import type { GroundTruthCheck, Task } from './task.js';

/** Where a config entry sits, for messages. */
export interface EntryPlace {
  /** The config file, absolute. */
  readonly configPath: string;
  /** `<config>: tasks[i]`. */
  readonly at: string;
  /** The entry's id. */
  readonly id: string;
}

export const fieldOf = (p: EntryPlace, f: string) => `${p.at}.${f}`;

/** Measured when the task is built (not part of what a resume must match). */
export interface ConfigTaskFacts {
  readonly trainRows: number;
  readonly testRows: number;
  readonly testAccuracy: number;
  readonly groundTruthCheck?: GroundTruthCheck;
}

/** A built config task with what run.json records of it. */
export interface BuiltConfigTask<D> {
  readonly task: Task;
  readonly definition: D;
  readonly facts: ConfigTaskFacts;
}

/** Default class order: sorted, numerically when every label is a number. */
export function sortedClasses(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function loadUserModel(path: string, field: string): Promise<Model> {
  if (!existsSync(path)) throw new UserError(`${field}: ${path}: file not found`);
  try {
    return await loadModel(path);
  } catch (e) {
    if (isUserError(e)) throw new UserError(`${field}: ${e.message}`);
    throw new UserError(`${field}: ${path}: cannot be loaded as a tfjs LayersModel or ONNX model (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * Every class needs two rows in each split (for the stratified split and the metrics that compare
 * classes); `rows` names what a row is ("row", "image").
 */
export function checkSplit(
  p: EntryPlace,
  y: Int32Array,
  classes: readonly string[],
  split: { readonly train: readonly number[]; readonly test: readonly number[] },
  testFraction: number,
  rows = 'row',
): void {
  for (const [name, idx] of [['training', split.train], ['test', split.test]] as const) {
    const counts = new Int32Array(classes.length);
    for (const r of idx) counts[y[r]]++;
    const k = counts.findIndex((c) => c < 2);
    if (k >= 0) {
      throw new UserError(
        `${p.at} (${p.id}): class '${classes[k]}' has ${counts[k]} ${rows}(s) in the ${name} split; ` +
          `every class needs at least 2 in each split (add ${rows}s, or change testFraction ${testFraction})`,
      );
    }
  }
}

/** The model gives one output per class. */
export function checkClasses(p: EntryPlace, model: Model, classes: readonly string[]): void {
  if (model.numClasses !== classes.length) {
    const has = `the model has ${model.numClasses} outputs`;
    throw new UserError(`${fieldOf(p, 'classes')}: ${classes.length} classes (${classes.join(', ')}), but ${has}`);
  }
}
