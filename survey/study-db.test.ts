import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStudyDb, storedPacket } from './study-db.js';

const root = mkdtempSync(join(tmpdir(), 'xai-bench-study-db-'));
let n = 0;
const path = (name: string) => join(root, `${n++}-${name}`);

describe('opening a rating database', () => {
  it('refuses a foreign SQLite file for export without adding a table or switching it to WAL', () => {
    const file = path('foreign.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    other.close();
    const before = readFileSync(file);
    expect(() => openStudyDb(file, { create: false })).toThrow(
      new RegExp(
        '^--db .*foreign\\.sqlite: not a rating database of xai-bench survey serve ' +
          '\\(no meta, raters, ssa, pairwise, likert, sessions, turns tables\\); nothing was changed$',
      ),
    );
    expect(() => openStudyDb(file, { create: true })).toThrow(/not a rating database/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(root).filter((f) => f.startsWith(file.split('/').pop()!))).toHaveLength(1);
  });

  it('gives a one-line UserError for a garbage or truncated file, not an internal error', () => {
    const garbage = path('garbage.db');
    writeFileSync(garbage, 'this is not a database at all, just some text\n'.repeat(40));
    expect(() => openStudyDb(garbage, { create: false })).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringMatching(/^--db .*garbage\.db: not an SQLite database$/) }),
    );
    const cut = path('cut.db');
    const db = new Database(cut);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    writeFileSync(cut, readFileSync(cut).subarray(0, 120));
    expect(() => openStudyDb(cut, { create: false })).toThrow(expect.objectContaining({ name: 'UserError' }));
  });

  it('exports from its own database read-only, leaving the file as it is', () => {
    const file = path('ratings.sqlite');
    const db = openStudyDb(file, { create: true });
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('packet', JSON.stringify({ studyId: 's1' }));
    db.close();
    const before = readFileSync(file);
    const ro = openStudyDb(file, { create: false });
    expect(storedPacket(ro, 'here').studyId).toBe('s1');
    expect(() => ro.exec('CREATE TABLE x (y)')).toThrow(/readonly/);
    ro.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(false);
  });
});
