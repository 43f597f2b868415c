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
import { UserError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { accuracy } from './accuracy.js';
import { type BuiltConfigTask, checkClasses, checkSplit, type ConfigTaskFacts, type EntryPlace, fieldOf, loadUserModel, sortedClasses } from './config-entry.js';
import { readCsvColumns } from './csv-columns.js';
import type { Dataset } from './dataset.js';
import { featureProbe } from './feature-probe.js';
import { typedConfig } from './config-typed-features.js';
import { checkGroundTruth } from './ground-truth-check.js';
import { stratifiedSplit } from './split.js';
import { applyScale, fitScale } from './standardise.js';
import { rows } from './tabular.js';
import type { TabularTaskConfigEntry } from './task-config-file.js';
import type { Task } from './task.js';
import { taskFromDataset } from './task-from-dataset.js';

const DEFAULT_TEST_FRACTION = 0.3;

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
  /** Typed features, protected attribute and immutable features, as declared (config-typed-features.ts). */
  readonly categorical?: TabularTaskConfigEntry['categorical'];
  readonly protected?: string;
  readonly immutable?: readonly string[];
}

export type ConfigTask = BuiltConfigTask<ConfigTaskDefinition>;

/** Where a tabular entry sits, and the files it names (absolute). */
interface TabularPlace extends EntryPlace {
  readonly entry: TabularTaskConfigEntry;
  readonly dataPath: string;
  readonly modelPath: string;
}

/** A stratified split's row indices. */
interface Split {
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/** The entry's table: features (as numbers) and labels (as class indices), every cell checked. */
interface EntryTable {
  readonly csv: ReturnType<typeof readCsvColumns>;
  readonly features: readonly string[];
  readonly x: Float32Array;
  readonly classes: readonly string[];
  readonly y: Int32Array;
}

/**
 * `configPath` is the config file (absolute), `index` the entry's position in its `tasks`; both only
 * name the place at fault in messages, and the config's folder anchors relative paths.
 */
export async function buildConfigTask(entry: TabularTaskConfigEntry, configPath: string, index: number): Promise<ConfigTask> {
  const base = dirname(configPath);
  const at = `${configPath}: tasks[${index}]`;
  const paths = { dataPath: resolve(base, entry.data), modelPath: resolve(base, entry.model) };
  const place: TabularPlace = { entry, configPath, at, id: entry.id, ...paths };
  const table = readTable(place);
  const units = featureUnits(place, table.features);
  const relevant = relevantFeatures(place, table.features);
  const testFraction = entry.testFraction ?? DEFAULT_TEST_FRACTION;
  const split = stratifiedSplit(table.y, entry.id, 1 - testFraction);
  checkSplit(place, table.y, table.classes, split, testFraction);
  const model = await loadTaskModel(place, table);
  const standardise = entry.standardise ?? true;
  const typed = typedConfig(at, entry, table, units);
  const { data: plain, scale } = datasetOf(place, table, split, { units, relevant, standardise });
  const data: Dataset = { ...plain, ...typed };
  const engine = new Engine(model);
  const groundTruthCheck = relevant ? checkGroundTruth(engine, data) : undefined;
  const built = taskFromDataset(data, { id: entry.id, description: data.description, modelId: place.modelPath, model, groundTruthCheck });
  // Raw inputs: a "removed" feature takes its training mean (for standardised inputs that is the 0 above).
  const task: Task = standardise ? built : { ...built, baseline: scale.mean.slice() };
  const definition: ConfigTaskDefinition = {
    id: entry.id,
    description: data.description,
    model: place.modelPath,
    modelHash: model.hash,
    data: place.dataPath,
    dataHash: table.csv.hash,
    label: entry.label,
    features: table.features,
    classes: table.classes,
    testFraction,
    standardise,
    units,
    ...(relevant ? { groundTruth: { relevant } } : {}),
    ...(entry.categorical ? { categorical: entry.categorical } : {}),
    ...(entry.protected !== undefined ? { protected: entry.protected } : {}),
    ...(typed.immutable ? { immutable: typed.immutable } : {}),
  };
  const facts: ConfigTaskFacts = {
    trainRows: split.train.length,
    testRows: split.test.length,
    testAccuracy: accuracy(engine, data.test.x, data.test.y),
    ...(groundTruthCheck ? { groundTruthCheck } : {}),
  };
  return { task, definition, facts };
}

/** Reads the CSV and checks its label and feature columns and every cell. */
function readTable(p: TabularPlace): EntryTable {
  const { entry, dataPath } = p;
  if (extname(dataPath).toLowerCase() !== '.csv') {
    throw new UserError(`${fieldOf(p, 'data')}: '${entry.data}' is not a .csv file; config tasks are tabular (CSV) only`);
  }
  if (!existsSync(dataPath)) throw new UserError(`${fieldOf(p, 'data')}: ${dataPath}: file not found`);
  const csv = readCsvColumns(dataPath);
  const labelCol = csv.header.indexOf(entry.label);
  if (labelCol < 0) {
    throw new UserError(`${fieldOf(p, 'label')}: no column '${entry.label}' in ${dataPath} (columns: ${csv.header.join(', ')})`);
  }
  const features = entry.features ?? csv.header.filter((_, c) => c !== labelCol);
  if (features.length === 0) throw new UserError(`${fieldOf(p, 'features')}: ${dataPath} has no column besides the label '${entry.label}'`);
  const featureCols = features.map((f) => {
    const c = csv.header.indexOf(f);
    if (c < 0) throw new UserError(`${fieldOf(p, 'features')}: no column '${f}' in ${dataPath} (columns: ${csv.header.join(', ')})`);
    if (c === labelCol) throw new UserError(`${fieldOf(p, 'features')}: '${f}' is the label column`);
    return c;
  });
  const x = featureMatrix(p, csv, featureCols);
  const { classes, y } = labelsOf(p, csv, labelCol);
  return { csv, features, x, classes, y };
}

function featureMatrix(p: TabularPlace, csv: ReturnType<typeof readCsvColumns>, featureCols: readonly number[]): Float32Array {
  const d = featureCols.length;
  const x = new Float32Array(csv.rows.length * d);
  csv.rows.forEach((row, r) => {
    featureCols.forEach((c, j) => {
      const cell = row[c];
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        const where = `${p.dataPath}: line ${csv.lines[r]}, column ${c + 1} (${csv.header[c]})`;
        throw new UserError(`${where}: '${cell}' is not a finite number (a feature of ${p.at})`);
      }
      x[r * d + j] = v;
    });
  });
  return x;
}

function labelsOf(
  p: TabularPlace,
  csv: ReturnType<typeof readCsvColumns>,
  labelCol: number,
): { classes: readonly string[]; y: Int32Array } {
  const { entry, dataPath } = p;
  const classes = entry.classes ?? sortedClasses(csv.rows.map((row) => row[labelCol]));
  const classIndex = new Map(classes.map((k, i) => [k, i]));
  const y = new Int32Array(csv.rows.length);
  csv.rows.forEach((row, r) => {
    const k = classIndex.get(row[labelCol]);
    if (k === undefined) {
      throw new UserError(
        `${dataPath}: line ${csv.lines[r]}, column ${labelCol + 1} (${entry.label}): '${row[labelCol]}' ` +
          `is not one of ${fieldOf(p, 'classes')} (${classes.join(', ')})`,
      );
    }
    y[r] = k;
  });
  if (classes.length < 2) {
    throw new UserError(`${fieldOf(p, 'label')}: only one class ('${classes[0]}') in ${dataPath}; a classification task needs two or more`);
  }
  return { classes, y };
}

/** The unit of each feature ('' where the config names none). */
function featureUnits(p: TabularPlace, features: readonly string[]): string[] {
  const units = features.map(() => '');
  for (const [name, unit] of Object.entries(p.entry.units ?? {})) {
    const j = features.indexOf(name);
    if (j < 0) throw new UserError(`${fieldOf(p, 'units')}: '${name}' is not one of the task's features (${features.join(', ')})`);
    units[j] = unit;
  }
  return units;
}

/** The features the config names as the ground truth, as indices (by name or index). */
function relevantFeatures(p: TabularPlace, features: readonly string[]): number[] | undefined {
  const d = features.length;
  const relevant = p.entry.groundTruth?.relevant.map((f) => {
    const j = typeof f === 'number' ? f : features.indexOf(f);
    if (j < 0 || j >= d) {
      throw new UserError(
        `${fieldOf(p, 'groundTruth.relevant')}: ${JSON.stringify(f)} is not one of the task's features ` +
          `(${features.join(', ')}, or 0..${d - 1})`,
      );
    }
    return j;
  });
  if (relevant && new Set(relevant).size !== relevant.length) {
    throw new UserError(`${fieldOf(p, 'groundTruth.relevant')}: a feature is named twice`);
  }
  return relevant;
}

/** The user's model, checked to take the table's features and give one output per class. */
async function loadTaskModel(p: TabularPlace, t: EntryTable): Promise<Model> {
  const d = t.features.length;
  const model = await loadUserModel(p.modelPath, fieldOf(p, 'model'));
  if (model.inputShape.length !== 1) {
    throw new UserError(
      `${fieldOf(p, 'model')}: the model takes inputs of shape [${model.inputShape.join(', ')}]; ` +
        `config tasks are tabular, so it must take a flat vector of the ${d} features`,
    );
  }
  if (model.inputShape[0] !== d) {
    const takes = `the model takes ${model.inputShape[0]} inputs`;
    throw new UserError(`${fieldOf(p, 'features')}: ${d} features (${t.features.join(', ')}), but ${takes}`);
  }
  checkClasses(p, model, t.classes);
  return model;
}

/** The data set of the entry: split, standardised by the training statistics (unless asked not to). */
function datasetOf(
  p: TabularPlace,
  t: EntryTable,
  split: Split,
  o: { units: readonly string[]; relevant: number[] | undefined; standardise: boolean },
) {
  const { entry, dataPath, modelPath } = p;
  const d = t.features.length;
  const n = t.csv.rows.length;
  const rawTrain = rows(t.x, d, split.train);
  const rawTest = rows(t.x, d, split.test);
  const scale = fitScale(rawTrain, split.train.length, d);
  const trainX = makeBatch(o.standardise ? applyScale(rawTrain, scale) : rawTrain, [d]);
  const testX = makeBatch(o.standardise ? applyScale(rawTest, scale) : rawTest, [d]);
  const description =
    entry.description ??
    `your task: ${basename(modelPath)} on ${basename(dataPath)} (${n} rows, ${d} features, ${t.classes.length} classes)`;
  const data: Dataset = {
    info: { id: entry.id, name: basename(dataPath), source: `${dataPath} (from ${p.configPath})`, hash: t.csv.hash, synthetic: false },
    description,
    kind: 'tabular',
    sampleShape: [d],
    classes: t.classes,
    featureNames: t.features,
    units: o.units,
    ...(o.standardise ? { scale } : {}),
    train: { x: trainX, y: Int32Array.from(split.train, (r) => t.y[r]) },
    test: { x: testX, y: Int32Array.from(split.test, (r) => t.y[r]) },
    ...(o.relevant
      ? { groundTruth: { kind: 'features' as const, relevant: o.relevant }, probe: featureProbe(testX, o.relevant, t.features) }
      : {}),
  };
  return { data, scale };
}
