/**
 * `run --config` with typed features: the hiring-biased zoo model over a CSV of the hiring data in
 * original units (gender a 0/1 column), declared categorical and protected in the config.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { loadDataset } from './dataset-registry.js';
import { getTaskSpec, loadTask } from './index.js';
import { MODELS_DIR } from './paths.js';
import { invertScale } from './standardise.js';
import { registerTaskConfig } from './task-config.js';
import type { ConfigTaskDefinition } from './config-task.js';

let dir: string;
let csv: string;

beforeAll(async () => {
  await useBackend('wasm');
  dir = mkdtempSync(join(tmpdir(), 'xai-bench-typed-config-'));
  const data = loadDataset('hiring-biased');
  const raw = invertScale(data.test.x.data, data.scale!);
  const d = data.featureNames.length;
  const lines = [[...data.featureNames, 'label'].join(',')];
  for (let i = 0; i < data.test.x.n; i++) {
    const row = Array.from(raw.subarray(i * d, (i + 1) * d), (v, j) => (j === 5 ? Math.round(v) : Number(v.toFixed(3))));
    lines.push([...row, data.classes[data.test.y[i]]].join(','));
  }
  csv = `${lines.join('\n')}\n`;
});

function write(extra: Record<string, unknown>, text = csv): string {
  const base = mkdtempSync(join(dir, 'c-'));
  writeFileSync(join(base, 'hiring.csv'), text);
  const entry = { id: `typed-${Object.keys(extra).join('-') || 'plain'}`, model: join(MODELS_DIR, 'hiring-biased-mlp', 'model.json'), data: 'hiring.csv', label: 'label', classes: ['not_hired', 'hired'], ...extra };
  const path = join(base, 'tasks.json');
  writeFileSync(path, JSON.stringify({ tasks: [entry] }));
  return path;
}

async function failure(path: string): Promise<string> {
  try {
    await registerTaskConfig(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('config tasks declare typed features', () => {
  it('a categorical protected attribute: typed features, immutable by default, evidence metrics planned', async () => {
    const path = write({ categorical: { gender: { columns: ['gender'], levels: ['man', 'woman'] } }, protected: 'gender' });
    const { record } = await registerTaskConfig(path);
    const id = record.tasks[0].id;
    expect(getTaskSpec(id).hasProtectedAttribute).toBe(true);
    const task = await loadTask(id);
    expect(task.features!.map((f) => `${f.name}:${f.kind}`)).toEqual([
      'years_experience:numeric', 'education_years:numeric', 'skill_test:numeric', 'interview_score:numeric', 'age:numeric', 'gender:categorical', 'commute_km:numeric',
    ]);
    expect(task.protectedAttribute).toMatchObject({ name: 'gender', feature: 5, levels: ['man', 'woman'] });
    expect(task.immutable).toEqual(['gender']);
    expect((record.tasks[0] as ConfigTaskDefinition).protected).toBe('gender');
  });

  it('refuses levels that do not fit the columns, cells that are not 0/1, and an undeclared protected attribute', async () => {
    expect(await failure(write({ categorical: { gender: { columns: ['gender'], levels: ['man', 'woman', 'other'] } } }))).toMatch(
      /tasks\[0\]\.categorical\.gender: 3 levels for 1 column\(s\); expected 2/,
    );
    const bad = csv.split('\n').map((l, i) => (i === 3 ? l.split(',').map((c, j) => (j === 5 ? '0.5' : c)).join(',') : l)).join('\n');
    expect(await failure(write({ categorical: { gender: { columns: ['gender'], levels: ['man', 'woman'] } } }, bad))).toMatch(
      /categorical\.gender: column 'gender' holds 0\.5 in data row 3; categorical columns hold 0 or 1/,
    );
    expect(await failure(write({ protected: 'age' }))).toMatch(/tasks\[0\]\.protected: 'age' is not a categorical feature/);
    expect(await failure(write({ categorical: { sex: { columns: ['genre'], levels: ['a', 'b'] } } }))).toMatch(/categorical\.sex: 'genre' is not one of the task's features/);
  });
});
