import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { parseCsvTable, readCsvTable } from './csv-table.js';

const err = (text: string): string => {
  try {
    parseCsvTable(text, 'bad.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('parseCsvTable', () => {
  it('reads features and numbers classes in order of first appearance', () => {
    const t = parseCsvTable('a,b,label\n1,2,zeta\n3,4.5,alpha\n-1,0,zeta\n', 'ok.csv');
    expect(t.featureNames).toEqual(['a', 'b']);
    expect(t.classes).toEqual(['zeta', 'alpha']);
    expect(Array.from(t.y)).toEqual([0, 1, 0]);
    expect(Array.from(t.x)).toEqual([1, 2, 3, 4.5, -1, 0]);
    expect([t.n, t.d]).toEqual([3, 2]);
  });

  it('names file, line and column of a non-numeric cell', () => {
    expect(err('a,b,label\n1,2,x\n3,abc,y\n')).toBe("bad.csv: line 3, column 2 (b): 'abc' is not a finite number");
    expect(err('a,b,label\n1,,x\n3,4,y\n')).toMatch(/^bad\.csv: line 2, column 2 \(b\): '' is not/);
  });

  it('names file and line of a row with the wrong column count', () => {
    expect(err('a,b,label\n1,2,x\n3,4\n')).toBe('bad.csv: line 3: 2 columns, but the header has 3');
    expect(err('a,b,label\n1,2,x,9\n')).toBe('bad.csv: line 2: 4 columns, but the header has 3');
  });

  it('rejects an empty file, a missing label column, no rows and a single class', () => {
    expect(err('')).toMatch(/^bad\.csv: empty file/);
    expect(err('  \n\n')).toMatch(/^bad\.csv: empty file/);
    expect(err('a,b,class\n1,2,x\n')).toBe("bad.csv: line 1, column 3 (class): missing label column (the last header cell must be 'label')");
    expect(err('a,b,label\n')).toBe('bad.csv: no data rows after the header');
    expect(err('a,label\n1,x\n2,x\n')).toMatch(/only one class/);
    expect(err('a,b,label\n1,2,\n3,4,y\n')).toBe('bad.csv: line 2, column 3 (label): empty class label');
  });

  it('readCsvTable names the path and hashes the bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const p = join(dir, 'x.csv');
    writeFileSync(p, 'a,label\n1,u\n2,v\n');
    expect(readCsvTable(p).hash).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(p, 'a,label\n1,u\nq,v\n');
    expect(() => readCsvTable(p)).toThrow(`${p}: line 3, column 1 (a): 'q' is not a finite number`);
    expect(() => readCsvTable(join(dir, 'none.csv'))).toThrow(/none\.csv: cannot read file \(ENOENT\)/);
  });
});
