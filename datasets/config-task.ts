/**
 * Builds a real Task from one entry of a task config (`run --config FILE`): the user's CSV and tfjs
 * model, split and standardised the way the zoo's tabular sets are (stratified split seeded by the
 * task id, training statistics), with sample ids, background, baseline and, where the user names the
 * relevant features, the zoo's ground-truth check. Every mismatch between config, data and model is a
 * UserError naming the config file and field.
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { makeBatch } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { isUserError, UserError } from '../core/errors.js';
import { loadModel, type Model } from '../core/model.js';
import { accuracy } from './accuracy.js';
import { readCsvColumns } from './csv-columns.js';
import type { Dataset } from './dataset.js';
import { featureProbe } from './feature-probe.js';
import { checkGroundTruth } from './ground-truth-check.js';
import { stratifiedSplit } from './split.js';
import { applyScale, fitScale } from './standardise.js';
import { rows } from './tabular.js';
import type { TaskConfigEntry } from './task-config-file.js';
import type { GroundTruthCheck, Task } from './task.js';
import { taskFromDataset } from './task-from-dataset.js';

export const DEFAULT_TEST_FRACTION = 0.3;

/** What a config task resolved to: recorded in run.json so a resume or a reader knows exactly what ran. */
export interface ConfigTaskDefinition {
  readonly id: string;
  readonly description: string;
  /** Absolute paths, and the hashes of what was read there. */
  readonly model: string;
  readonly modelHash: string;
  readonly data: string;
  readonly dataHash: string;
  readonly label: string;
  readonly features: readonly string[];
  readonly classes: readonly string[];
  readonly testFraction: number;
  readonly standardise: boolean;
  readonly units: readonly string[];
  /** Indices into `features`. */
  readonly groundTruth?: { readonly relevant: readonly number[] };
}

/** Measured when the task is built (not part of what a resume must match). */
export interface ConfigTaskFacts {
  readonly trainRows: number;
  readonly testRows: number;
  readonly testAccuracy: number;
  readonly groundTruthCheck?: GroundTruthCheck;
}

export interface ConfigTask {
  readonly task: Task;
  readonly definition: ConfigTaskDefinition;
  readonly facts: ConfigTaskFacts;
}

/** Default class order: sorted, numerically when every label is a number. */
function sortedClasses(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function loadUserModel(path: string, field: string): Promise<Model> {
  if (!existsSync(path)) throw new UserError(`${field}: ${path}: file not found`);
  try {
    return await loadModel(path);
  } catch (e) {
    if (isUserError(e)) throw new UserError(`${field}: ${e.message}`);
    throw new UserError(`${field}: ${path}: cannot be loaded as a tfjs LayersModel (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * `configPath` is the config file (absolute), `index` the entry's position in its `tasks`; both only
 * name the place at fault in messages, and the config's folder anchors relative paths.
 */
export async function buildConfigTask(entry: TaskConfigEntry, configPath: string, index: number): Promise<ConfigTask> {
  const at = `${configPath}: tasks[${index}]`;
  const field = (f: string) => `${at}.${f}`;
  const base = dirname(configPath);
  const dataPath = resolve(base, entry.data);
  const modelPath = resolve(base, entry.model);
  if (extname(dataPath).toLowerCase() !== '.csv') {
    throw new UserError(`${field('data')}: '${entry.data}' is not a .csv file; config tasks are tabular (CSV) only`);
  }
  if (!existsSync(dataPath)) throw new UserError(`${field('data')}: ${dataPath}: file not found`);
  const csv = readCsvColumns(dataPath);

  const labelCol = csv.header.indexOf(entry.label);
  if (labelCol < 0) throw new UserError(`${field('label')}: no column '${entry.label}' in ${dataPath} (columns: ${csv.header.join(', ')})`);
  const features = entry.features ?? csv.header.filter((_, c) => c !== labelCol);
  if (features.length === 0) throw new UserError(`${field('features')}: ${dataPath} has no column besides the label '${entry.label}'`);
  const featureCols = features.map((f) => {
    const c = csv.header.indexOf(f);
    if (c < 0) throw new UserError(`${field('features')}: no column '${f}' in ${dataPath} (columns: ${csv.header.join(', ')})`);
    if (c === labelCol) throw new UserError(`${field('features')}: '${f}' is the label column`);
    return c;
  });

  const n = csv.rows.length;
  const d = features.length;
  const x = new Float32Array(n * d);
  csv.rows.forEach((row, r) => {
    featureCols.forEach((c, j) => {
      const cell = row[c];
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw new UserError(`${dataPath}: line ${csv.lines[r]}, column ${c + 1} (${csv.header[c]}): '${cell}' is not a finite number (a feature of ${at})`);
      }
      x[r * d + j] = v;
    });
  });
  const classes = entry.classes ?? sortedClasses(csv.rows.map((row) => row[labelCol]));
  const classIndex = new Map(classes.map((k, i) => [k, i]));
  const y = new Int32Array(n);
  csv.rows.forEach((row, r) => {
    const k = classIndex.get(row[labelCol]);
    if (k === undefined) {
      throw new UserError(
        `${dataPath}: line ${csv.lines[r]}, column ${labelCol + 1} (${entry.label}): '${row[labelCol]}' is not one of ${field('classes')} (${classes.join(', ')})`,
      );
    }
    y[r] = k;
  });
  if (classes.length < 2) throw new UserError(`${field('label')}: only one class ('${classes[0]}') in ${dataPath}; a classification task needs two or more`);

  const units = features.map(() => '');
  for (const [name, unit] of Object.entries(entry.units ?? {})) {
    const j = features.indexOf(name);
    if (j < 0) throw new UserError(`${field('units')}: '${name}' is not one of the task's features (${features.join(', ')})`);
    units[j] = unit;
  }
  const relevant = entry.groundTruth?.relevant.map((f) => {
    const j = typeof f === 'number' ? f : features.indexOf(f);
    if (j < 0 || j >= d) throw new UserError(`${field('groundTruth.relevant')}: ${JSON.stringify(f)} is not one of the task's features (${features.join(', ')}, or 0..${d - 1})`);
    return j;
  });
  if (relevant && new Set(relevant).size !== relevant.length) throw new UserError(`${field('groundTruth.relevant')}: a feature is named twice`);

  const testFraction = entry.testFraction ?? DEFAULT_TEST_FRACTION;
  const split = stratifiedSplit(y, entry.id, 1 - testFraction);
  for (const [name, idx] of [['training', split.train], ['test', split.test]] as const) {
    const counts = new Int32Array(classes.length);
    for (const r of idx) counts[y[r]]++;
    const k = counts.findIndex((c) => c < 2);
    if (k >= 0) {
      throw new UserError(
        `${at} (${entry.id}): class '${classes[k]}' has ${counts[k]} row(s) in the ${name} split; every class needs at least 2 in each split (add rows, or change testFraction ${testFraction})`,
      );
    }
  }

  const model = await loadUserModel(modelPath, field('model'));
  if (model.inputShape.length !== 1) {
    throw new UserError(`${field('model')}: the model takes inputs of shape [${model.inputShape.join(', ')}]; config tasks are tabular, so it must take a flat vector of the ${d} features`);
  }
  if (model.inputShape[0] !== d) {
    throw new UserError(`${field('features')}: ${d} features (${features.join(', ')}), but the model takes ${model.inputShape[0]} inputs`);
  }
  if (model.numClasses !== classes.length) {
    throw new UserError(`${field('classes')}: ${classes.length} classes (${classes.join(', ')}), but the model has ${model.numClasses} outputs`);
  }

  const standardise = entry.standardise ?? true;
  const rawTrain = rows(x, d, split.train);
  const rawTest = rows(x, d, split.test);
  const scale = fitScale(rawTrain, split.train.length, d);
  const trainX = makeBatch(standardise ? applyScale(rawTrain, scale) : rawTrain, [d]);
  const testX = makeBatch(standardise ? applyScale(rawTest, scale) : rawTest, [d]);
  const description = entry.description ?? `your task: ${basename(modelPath)} on ${basename(dataPath)} (${n} rows, ${d} features, ${classes.length} classes)`;
  const data: Dataset = {
    info: { id: entry.id, name: basename(dataPath), source: `${dataPath} (from ${configPath})`, hash: csv.hash, synthetic: false },
    description,
    kind: 'tabular',
    sampleShape: [d],
    classes,
    featureNames: features,
    units,
    ...(standardise ? { scale } : {}),
    train: { x: trainX, y: Int32Array.from(split.train, (r) => y[r]) },
    test: { x: testX, y: Int32Array.from(split.test, (r) => y[r]) },
    ...(relevant ? { groundTruth: { kind: 'features' as const, relevant }, probe: featureProbe(testX, relevant, features) } : {}),
  };
  const engine = new Engine(model);
  const groundTruthCheck = relevant ? checkGroundTruth(engine, data) : undefined;
  const built = taskFromDataset(data, { id: entry.id, description, modelId: modelPath, model, groundTruthCheck });
  // Raw inputs: a "removed" feature takes its training mean (for standardised inputs that is the 0 above).
  const task: Task = standardise ? built : { ...built, baseline: scale.mean.slice() };
  return {
    task,
    definition: {
      id: entry.id,
      description,
      model: modelPath,
      modelHash: model.hash,
      data: dataPath,
      dataHash: csv.hash,
      label: entry.label,
      features,
      classes,
      testFraction,
      standardise,
      units,
      ...(relevant ? { groundTruth: { relevant } } : {}),
    },
    facts: {
      trainRows: split.train.length,
      testRows: split.test.length,
      testAccuracy: accuracy(engine, testX, data.test.y),
      ...(groundTruthCheck ? { groundTruthCheck } : {}),
    },
  };
}
