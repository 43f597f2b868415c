import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { loadDataset } from './dataset-registry.js';
import { parseTypedCsv } from './typed-csv.js';
import { loadTask } from './index.js';

describe('parseTypedCsv', () => {
  const text = 'age,sex,purpose,label\n30,male,tv,good\n45,female,used car,bad\n22,male,car,good\n';
  it('types columns, codes two levels as one 0/1 column and more as one-hot, levels sorted by name', () => {
    const t = parseTypedCsv(text, 't.csv', { age: 'years' });
    expect(t.features).toEqual([
      { kind: 'numeric', name: 'age', unit: 'years', columns: [0] },
      { kind: 'categorical', name: 'sex', levels: ['female', 'male'], encoding: 'binary', columns: [1] },
      { kind: 'categorical', name: 'purpose', levels: ['car', 'tv', 'used car'], encoding: 'one-hot', columns: [2, 3, 4] },
    ]);
    expect(t.columnNames).toEqual(['age', 'sex', 'purpose = car', 'purpose = tv', 'purpose = used car']);
    expect(Array.from(t.x)).toEqual([30, 1, 0, 1, 0, 45, 0, 0, 0, 1, 22, 1, 1, 0, 0]);
    expect(t.classes).toEqual(['good', 'bad']);
    expect(Array.from(t.y)).toEqual([0, 1, 0]);
  });
  it('refuses empty cells, one-level columns and a missing label column, naming the file', () => {
    expect(() => parseTypedCsv('a,b,label\n1,,x\n2,u,y\n', 'e.csv')).toThrow(/e\.csv: column 'b': empty cell/);
    expect(() => parseTypedCsv('a,b,label\n1,u,x\n2,u,y\n', 'o.csv')).toThrow(/o\.csv: column 'b': one level only/);
    expect(() => parseTypedCsv('a,b\n1,2\n', 'l.csv')).toThrow(UserError);
  });
});

describe('the real high-stakes sets', () => {
  it.each([
    ['german-credit', 1000, 20, 'sex', ['female', 'male']],
    ['hmda', 2380, 13, 'race', ['african american', 'white']],
    ['credit-data', 4039, 13, 'marital', ['divorced', 'married', 'separated', 'single', 'widow']],
  ] as const)('%s: %i rows, %i typed features, protected %s', (id, rows, features, attr, levels) => {
    const d = loadDataset(id);
    expect(d.train.x.n + d.test.x.n).toBe(rows);
    expect(d.features).toHaveLength(features);
    expect(d.protectedAttribute).toMatchObject({ name: attr, levels });
    expect(Number.isNaN(d.protectedAttribute!.trueEffect)).toBe(true);
    expect(d.immutable).toEqual([attr]);
  });

  it('stratifies sample ids by the protected level: any prefix alternates the groups while they last', async () => {
    const t = await loadTask('german-credit-mlp');
    const col = t.protectedAttribute!.feature;
    const level = (id: string) => {
      const r = t.sampleIndex(id);
      return t.test.x.data[r * t.sampleShape[0] + col] * t.scale!.std[col] + t.scale!.mean[col] >= 0.5 ? 1 : 0;
    };
    const first = t.sampleIds(60).map(level);
    expect(first.filter((l) => l === 0)).toHaveLength(30);
    expect(first.slice(0, 6)).toEqual([0, 1, 0, 1, 0, 1]);
  });
});
