/**
 * Fault injection into the results store: a write that fails part-way through a line, and a full disk
 * that refuses a write outright. Whatever fails, every cell appended before stays readable, a resumed
 * store drops only the torn tail, and an atomic file keeps its earlier content.
 */
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeRecord } from '../test/helpers/result-records.js';
import { RunStore, writeFileAtomic } from './results-store.js';

/** The next write: 'torn' writes half its bytes and then fails; 'full' fails before writing anything. */
let fault: 'none' | 'torn' | 'full' = 'none';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const writeSync = (fd: number, buf: Uint8Array, off = 0, len = buf.length - off): number => {
    if (fault === 'full') throw enospc();
    if (fault === 'torn') {
      real.writeSync(fd, buf, off, Math.max(1, Math.floor(len / 2)));
      throw enospc();
    }
    return real.writeSync(fd, buf, off, len);
  };
  return { ...real, default: { ...real, writeSync }, writeSync };
});

const root = mkdtempSync(join(tmpdir(), 'xb-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `run-${n++}`);
const cell = (metric: string) => makeRecord({ explainer: 'a', metric, values: [1, 2, 3] });
const metricsOf = (store: RunStore) => store.readResults().records.map((r) => r.metric);

function failing(kind: 'torn' | 'full', act: () => void): void {
  fault = kind;
  try {
    expect(act).toThrow(/ENOSPC/);
  } finally {
    fault = 'none';
  }
}

describe('results store under write faults', () => {
  it('a write torn mid-line loses no finished cell, and a resumed store drops only the torn tail', () => {
    const dir = freshDir();
    const store = new RunStore(dir, { report: () => {} });
    store.appendResults([cell('m1')]);
    store.appendResults([cell('m2')]);
    failing('torn', () => store.appendResults([cell('m3')]));
    expect(fs.readFileSync(join(dir, 'results.jsonl'), 'utf8').endsWith('\n')).toBe(false);
    const notes: string[] = [];
    const resumed = new RunStore(dir, { report: (l) => notes.push(l) });
    expect(metricsOf(resumed)).toEqual(['m1', 'm2']);
    expect(notes).toEqual([expect.stringMatching(/dropped its last line, cut mid-line/)]);
    resumed.appendResults([cell('m3')]);
    expect(metricsOf(new RunStore(dir, { report: () => {} }))).toEqual(['m1', 'm2', 'm3']);
  });

  it('the same store repairs a torn tail before its next append (no record is glued to a torn one)', () => {
    const dir = freshDir();
    const store = new RunStore(dir, { report: () => {} });
    store.appendResults([cell('m1')]);
    failing('torn', () => store.appendResults([cell('m2')]));
    store.appendResults([cell('m2')]);
    const lines = readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(metricsOf(new RunStore(dir, { readOnly: true, report: () => {} }))).toEqual(['m1', 'm2']);
  });

  it('a full disk refuses the write and leaves the file as it was', () => {
    const dir = freshDir();
    const store = new RunStore(dir, { report: () => {} });
    store.appendResults([cell('m1')]);
    const before = readFileSync(join(dir, 'results.jsonl'), 'utf8');
    failing('full', () => store.appendResults([cell('m2')]));
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8')).toBe(before);
    expect(metricsOf(store)).toEqual(['m1']);
  });

  it('an atomic file keeps its earlier content when the new one cannot be written, and no temp file is left', () => {
    const dir = freshDir();
    const path = join(dir, 'run.json');
    writeFileAtomic(path, '{"status":"running"}\n');
    for (const kind of ['torn', 'full'] as const) {
      fault = kind;
      try {
        expect(() => writeFileAtomic(path, '{"status":"complete"}\n')).toThrow();
      } finally {
        fault = 'none';
      }
      expect(readFileSync(path, 'utf8')).toBe('{"status":"running"}\n');
      expect(readdirSync(dir)).toEqual(['run.json']);
    }
    expect(existsSync(path)).toBe(true);
  });
});
