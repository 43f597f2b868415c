import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import { accuracy } from './accuracy.js';
import { getTaskSpec, loadTask, taskSpecs } from './index.js';
import { DATA_DIR, MODELS_DIR } from './paths.js';
import { registerTaskConfig } from './task-config.js';

const IRIS_CSV = join(DATA_DIR, 'iris.csv');
const IRIS_MODEL = join(MODELS_DIR, 'iris-mlp', 'model.json');
const irisText = readFileSync(IRIS_CSV, 'utf8');
let dir: string;

/** Writes a config (and any extra files) into a fresh folder; returns the config's path. */
function config(body: unknown, files: Record<string, string> = {}): string {
  const base = mkdtempSync(join(dir, 'c-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(base, name), text);
  const path = join(base, 'tasks.json');
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
}

/** The iris task of the zoo's model, model path relative to the config as a user would write it. */
const irisEntry = (id: string, base: string, extra: Record<string, unknown> = {}) => ({
  id,
  model: relative(base, IRIS_MODEL),
  data: 'iris.csv',
  label: 'label',
  ...extra,
});

async function failure(path: string): Promise<string> {
  try {
    await registerTaskConfig(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).not.toMatch(/\n/);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

/** A config with one iris entry (`extra` merged in) over `csv` as iris.csv. */
function irisConfig(id: string, extra: Record<string, unknown> = {}, csv = irisText): string {
  const d = mkdtempSync(join(dir, 'i-'));
  writeFileSync(join(d, 'iris.csv'), csv);
  const path = join(d, 'tasks.json');
  writeFileSync(path, JSON.stringify({ tasks: [irisEntry(id, d, extra)] }));
  return path;
}

beforeAll(async () => {
  await useBackend('wasm');
  dir = mkdtempSync(join(tmpdir(), 'xai-bench-task-config-'));
});

describe('run --config: a user task from a model and a CSV', () => {
  it('builds a real task that reaches the zoo model\'s accuracy, and registers it', async () => {
    const path = irisConfig('my-iris', { description: 'iris again', units: { petal_length_cm: 'cm' } });
    const { record, facts } = await registerTaskConfig(path);
    const task = await loadTask('my-iris');
    expect(getTaskSpec('my-iris').kind).toBe('tabular');
    expect(taskSpecs.map((t) => t.id)).toContain('my-iris');
    expect(task.description).toBe('iris again');
    expect(task.featureNames).toEqual(['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm']);
    expect(task.units).toEqual(['', '', 'cm', '']);
    expect(task.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    // 50 per class, 30% held out per class: 35 + 15 each.
    expect(task.train.x.n).toBe(105);
    expect(task.test.x.n).toBe(45);
    expect(task.dataset.hash).toBe(createHash('sha256').update(readFileSync(IRIS_CSV)).digest('hex'));
    const zoo = JSON.parse(readFileSync(join(MODELS_DIR, 'iris-mlp', 'training.json'), 'utf8'));
    expect(task.model.hash).toBe(zoo.modelHash);
    // Standardised with training statistics: the training split has mean 0 per feature.
    const d = 4;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < task.train.x.n; i++) s += task.train.x.data[i * d + j];
      expect(Math.abs(s / task.train.x.n)).toBeLessThan(1e-5);
    }
    expect(task.scale?.mean[2]).toBeGreaterThan(3);
    expect(Array.from(task.baseline)).toEqual([0, 0, 0, 0]);
    expect(task.background).toBe(task.train.x);
    const acc = accuracy(new Engine(task.model), task.test.x, task.test.y);
    expect(acc).toBeGreaterThan(0.85);
    expect(facts.get('my-iris')!.testAccuracy).toBe(acc);
    // Sample ids: deterministic, seeded by the task id, prefixes of each other.
    const ids = task.sampleIds(45);
    expect(new Set(ids).size).toBe(45);
    expect(task.sampleIds(5)).toEqual(ids.slice(0, 5));
    expect(task.sampleIndex(ids[0])).toBe(Number(ids[0].slice(5)));
    expect(record.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(record.tasks[0]).toMatchObject({ id: 'my-iris', label: 'label', testFraction: 0.3, standardise: true, modelHash: zoo.modelHash, dataHash: task.dataset.hash });
  });

  it('gives the same split and sample ids again, and other ones for another id', async () => {
    const a = (await registerTaskConfig(irisConfig('same-a'))).record;
    const t1 = await loadTask('same-a');
    await registerTaskConfig(irisConfig('same-a'));
    const t2 = await loadTask('same-a');
    expect(t2).not.toBe(t1);
    expect(Array.from(t2.test.x.data)).toEqual(Array.from(t1.test.x.data));
    expect(t2.sampleIds(10)).toEqual(t1.sampleIds(10));
    await registerTaskConfig(irisConfig('same-b'));
    const t3 = await loadTask('same-b');
    expect(Array.from(t3.test.y)).not.toEqual([]);
    expect(Array.from(t3.test.x.data)).not.toEqual(Array.from(t1.test.x.data));
    expect(a.tasks[0].id).toBe('same-a');
  });

  it('honours features, classes, testFraction, standardise and ground truth', async () => {
    await registerTaskConfig(
      irisConfig('raw-iris', {
        features: ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm', 'petal_width_cm'],
        classes: ['setosa', 'versicolor', 'virginica'],
        testFraction: 0.2,
        standardise: false,
        groundTruth: { relevant: ['petal_length_cm', 3] },
      }),
    );
    const task = await loadTask('raw-iris');
    expect(task.test.x.n).toBe(30);
    expect(task.scale).toBeUndefined();
    // Raw values as in the file, and a removed feature takes its training mean.
    const rowsOfFile = new Set(irisText.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 4).map(Number).join(',')));
    expect(rowsOfFile.has(Array.from(task.test.x.data.subarray(0, 4)).map((v) => Number(v.toFixed(4))).join(','))).toBe(true);
    expect(task.baseline[2]).toBeGreaterThan(3);
    expect(task.groundTruth).toEqual({ kind: 'features', relevant: [2, 3] });
    expect(task.groundTruthCheck?.detail).toMatch(/relevant features \(petal_length_cm, petal_width_cm\) permuted/);
    expect(getTaskSpec('raw-iris').groundTruthUsable()).toBe(task.groundTruthCheck!.passed);
  });

  it('orders default classes numerically when every label is a number', async () => {
    const numeric = irisText.replace(/setosa/g, '10').replace(/versicolor/g, '9').replace(/virginica/g, '11');
    await registerTaskConfig(irisConfig('num-iris', {}, numeric));
    expect((await loadTask('num-iris')).classes).toEqual(['9', '10', '11']);
  });
});

describe('run --config: bad input is one clear line naming file and field', () => {
  it('config not found, not JSON, not the schema', async () => {
    expect(await failure(join(dir, 'nope.json'))).toMatch(/^--config .*nope\.json: file not found$/);
    expect(await failure(config('{ "tasks": ['))).toMatch(/tasks\.json: not valid JSON/);
    expect(await failure(config({ tasks: [{ id: 'x', model: 'm.json', data: 'd.csv' }] }))).toMatch(/tasks\.json: not a valid xai-bench\/task-config@1: \/tasks\/0: missing field 'label'/);
    expect(await failure(config({ tasks: [{ id: 'x', model: 'm', data: 'd.csv', label: 'y', testFraction: 1.5 }] }))).toMatch(/\/tasks\/0\/testFraction: must be < 1/);
    expect(await failure(config({ tasks: [], extra: 1 }))).toMatch(/unknown field 'extra'/);
    expect(await failure(config({ tasks: [{ id: 'a b', model: 'm', data: 'd.csv', label: 'y' }] }))).toMatch(/\/tasks\/0\/id: must match pattern/);
  });

  it('duplicate ids and built-in ids', async () => {
    const e = { model: 'm.json', data: 'd.csv', label: 'y' };
    expect(await failure(config({ tasks: [{ id: 'a', ...e }, { id: 'b', ...e }, { id: 'a', ...e }] }))).toMatch(/tasks\.json: tasks\[2\]\.id: 'a' is also the id of tasks\[0\]/);
    expect(await failure(config({ tasks: [{ id: 'iris-mlp', ...e }] }))).toMatch(/tasks\.json: tasks\[0\]\.id: 'iris-mlp' is the id of a built-in task/);
  });

  it('missing or non-CSV data and missing model', async () => {
    expect(await failure(config({ tasks: [{ id: 'a', model: IRIS_MODEL, data: 'gone.csv', label: 'label' }] }))).toMatch(/tasks\.json: tasks\[0\]\.data: .*gone\.csv: file not found/);
    expect(await failure(config({ tasks: [{ id: 'a', model: IRIS_MODEL, data: 'digits.png', label: 'label' }] }))).toMatch(/tasks\[0\]\.data: 'digits\.png' is not a \.csv file; config tasks are tabular \(CSV\) only/);
    expect(await failure(irisConfig('a', { model: 'missing/model.json' }))).toMatch(/tasks\.json: tasks\[0\]\.model: .*missing\/model\.json: file not found/);
  });

  it('label column missing, a feature column missing, a non-numeric value', async () => {
    expect(await failure(irisConfig('a', { label: 'species' }))).toMatch(/tasks\[0\]\.label: no column 'species' in .*iris\.csv \(columns: sepal_length_cm, .*, label\)/);
    expect(await failure(irisConfig('a', { features: ['sepal_length_cm', 'petal_area'] }))).toMatch(/tasks\[0\]\.features: no column 'petal_area'/);
    const lines = irisText.split('\n');
    lines[4] = lines[4].replace(/^[^,]+,[^,]+/, (m) => `${m.split(',')[0]},n/a`);
    expect(await failure(irisConfig('a', {}, lines.join('\n')))).toMatch(/iris\.csv: line 5, column 2 \(sepal_width_cm\): 'n\/a' is not a finite number \(a feature of .*tasks\.json: tasks\[0\]\)/);
  });

  it('a label value outside the given classes', async () => {
    expect(await failure(irisConfig('a', { classes: ['setosa', 'versicolor', 'other'] }))).toMatch(
      /iris\.csv: line 102, column 5 \(label\): 'virginica' is not one of .*tasks\[0\]\.classes \(setosa, versicolor, other\)/,
    );
  });

  it('model input size and number of outputs that do not fit the data', async () => {
    expect(await failure(irisConfig('a', { features: ['sepal_length_cm', 'sepal_width_cm', 'petal_length_cm'] }))).toMatch(
      /tasks\[0\]\.features: 3 features \(sepal_length_cm, sepal_width_cm, petal_length_cm\), but the model takes 4 inputs/,
    );
    const twoClasses = irisText.split('\n').filter((l) => !l.includes('virginica')).join('\n');
    expect(await failure(irisConfig('a', {}, twoClasses))).toMatch(/tasks\[0\]\.classes: 2 classes \(setosa, versicolor\), but the model has 3 outputs/);
  });

  it('fewer than 2 rows of a class in a split', async () => {
    const lines = irisText.trim().split('\n');
    const few = [lines[0], ...lines.slice(1, 51), ...lines.slice(51, 101), ...lines.slice(101, 103)].join('\n');
    expect(await failure(irisConfig('a', {}, few))).toMatch(/tasks\[0\] \(a\): class 'virginica' has 1 row\(s\) in the (training|test) split; every class needs at least 2/);
  });

  it('registers nothing when a later entry is bad, and refuses a file that changed', async () => {
    const d = mkdtempSync(join(dir, 'm-'));
    writeFileSync(join(d, 'iris.csv'), irisText);
    const path = join(d, 'tasks.json');
    writeFileSync(path, JSON.stringify({ tasks: [irisEntry('good-first', d), irisEntry('bad-second', d, { label: 'nope' })] }));
    expect(await failure(path)).toMatch(/tasks\[1\]\.label: no column 'nope'/);
    expect(taskSpecs.map((t) => t.id)).not.toContain('good-first');
    await expect(registerTaskConfig(irisConfig('changed'), { expectSha256: '0'.repeat(64) })).rejects.toThrow(/the file changed during the run/);
  });
});
