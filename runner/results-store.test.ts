import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRecord, makeRun } from '../test/helpers/result-records.js';
import { UserError } from '../core/errors.js';
import { EXPLANATION_SCHEMA, type AttributionExplanationRecord } from './explanation-record.js';
import { cellKey, readRunFolders, RunStore } from './results-store.js';

const root = mkdtempSync(join(tmpdir(), 'xb-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `run-${n++}`);

const explanation = (id: string): AttributionExplanationRecord => ({
  schema: EXPLANATION_SCHEMA,
  family: 'attribution',
  explainer: 'saliency',
  params: { abs: true },
  output: 'logit',
  sampleIds: [id],
  targets: [1],
  shape: [2, 2],
  attributions: [[[0.1, 0.2], [0.3, 0.4]]],
});

describe('RunStore results', () => {
  it('appends records as lines and reads them back', () => {
    const store = new RunStore(freshDir());
    const r1 = makeRecord({ explainer: 'a', metric: 'm', values: [1, 2, null] });
    const r2 = makeRecord({ explainer: 'b', metric: 'm', values: [3, 4, 5] });
    store.appendResult(r1);
    store.appendResult(r2);
    const text = readFileSync(store.resultsPath, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(store.readResults()).toEqual({ records: [r1, r2], dropped: 0 });
    expect(store.completedCells()).toEqual(new Set([cellKey('toy', 'a', 'm'), cellKey('toy', 'b', 'm')]));
  });

  it('writes a cell with its setting variants in one append; variants are not cells to resume', () => {
    const store = new RunStore(freshDir());
    const own = makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] });
    const zero = { ...own, variant: { baseline: 'zero' }, metricParams: { ...own.metricParams, baseline: 'zero' } };
    store.appendResults([own, zero]);
    expect(store.readResults().records).toEqual([own, zero]);
    expect(store.completedCells()).toEqual(new Set([cellKey('toy', 'a', 'm')]));
    // A variant alone (its cell's record missing) does not mark the cell done.
    const other = new RunStore(freshDir());
    other.appendResult({ ...zero, explainer: 'b' });
    expect(other.completedCells()).toEqual(new Set());
  });

  it('drops a torn last line on reopening and truncates the file to the last whole line', () => {
    const dir = freshDir();
    const r1 = makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] });
    new RunStore(dir).appendResult(r1);
    const good = readFileSync(join(dir, 'results.jsonl'), 'utf8');
    // A crash in the middle of the second append.
    const torn = JSON.stringify(makeRecord({ explainer: 'b', metric: 'm', values: [3, 4] })).slice(0, 57);
    appendFileSync(join(dir, 'results.jsonl'), torn);

    const readOnly = new RunStore(dir, { readOnly: true }).readResults();
    expect(readOnly).toEqual({ records: [r1], dropped: 1 });
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8')).toBe(good + torn);

    const reopened = new RunStore(dir);
    expect(reopened.readResults()).toEqual({ records: [r1], dropped: 1 });
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8')).toBe(good);
    expect(reopened.completedCells()).toEqual(new Set([cellKey('toy', 'a', 'm')]));
  });

  it('reports a dropped torn line in one line naming the file, once, and never when nothing was dropped', () => {
    const dir = freshDir();
    const r1 = makeRecord({ explainer: 'a', metric: 'm', values: [1] });
    new RunStore(dir).appendResult(r1);
    appendFileSync(join(dir, 'results.jsonl'), '{"schema":"xai-bench/res');
    const lines: string[] = [];
    const ro = new RunStore(dir, { readOnly: true, report: (l) => lines.push(l) });
    ro.readResults();
    expect(lines).toEqual([`${join(ro.dir, 'results.jsonl')}: dropped its last line, cut mid-line (a run stopped while writing it)`]);
    const store = new RunStore(dir, { report: (l) => lines.push(l) });
    store.completedCells();
    store.appendResult(makeRecord({ explainer: 'b', metric: 'm', values: [2] }));
    store.readResults();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/results\.jsonl: dropped its last line, cut mid-line .*; the file now ends at its last whole line$/);
  });

  it('cuts a torn tail before the first append of a new process, so lines never glue together', () => {
    const dir = freshDir();
    const r1 = makeRecord({ explainer: 'a', metric: 'm', values: [1] });
    new RunStore(dir).appendResult(r1);
    appendFileSync(join(dir, 'results.jsonl'), '{"schema":"xai-bench/res');
    const r2 = makeRecord({ explainer: 'b', metric: 'm', values: [2] });
    new RunStore(dir).appendResult(r2);
    expect(new RunStore(dir).readResults()).toEqual({ records: [r1, r2], dropped: 0 });
  });

  it('drops an unparsable last line even when it ends with a newline', () => {
    const dir = freshDir();
    const r1 = makeRecord({ explainer: 'a', metric: 'm', values: [1] });
    new RunStore(dir).appendResult(r1);
    appendFileSync(join(dir, 'results.jsonl'), '{"oops\n');
    expect(new RunStore(dir).readResults()).toEqual({ records: [r1], dropped: 1 });
    expect(readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n')).toHaveLength(2);
  });

  it('names file and line of a corrupt line in the middle, and of an invalid record', () => {
    const dir = freshDir();
    const store = new RunStore(dir);
    store.appendResult(makeRecord({ explainer: 'a', metric: 'm', values: [1] }));
    appendFileSync(join(dir, 'results.jsonl'), 'garbage\n');
    store.appendResult(makeRecord({ explainer: 'b', metric: 'm', values: [1] }));
    expect(() => store.readResults()).toThrow(UserError);
    expect(() => store.readResults()).toThrow(/results\.jsonl:2: not valid JSON/);

    const dir2 = freshDir();
    const bad = { ...makeRecord({ explainer: 'a', metric: 'm', values: [1] }), values: ['x'] };
    new RunStore(dir2).appendResult(makeRecord({ explainer: 'a', metric: 'm', values: [1] }));
    appendFileSync(join(dir2, 'results.jsonl'), JSON.stringify(bad) + '\n');
    expect(() => new RunStore(dir2).readResults()).toThrow(/results\.jsonl:2: not a valid xai-bench\/result@1: \/values\/0: must be number,null/);
  });

  it('refuses to write NaN or a misaligned record', () => {
    const store = new RunStore(freshDir());
    expect(() => store.appendResult(makeRecord({ explainer: 'a', metric: 'm', values: [1, NaN] }))).toThrow(/not finite/);
    const misaligned = { ...makeRecord({ explainer: 'a', metric: 'm', values: [1, 2] }), sampleIds: ['s1'] };
    expect(() => store.appendResult(misaligned)).toThrow(/2 values for 1 sampleIds/);
    expect(existsSync(store.resultsPath)).toBe(false);
  });
});

describe('RunStore explanations', () => {
  it('appends per task and explainer, several lines in one write, and reads them back', () => {
    const store = new RunStore(freshDir());
    store.appendExplanations('toy', 'saliency', [explanation('s1'), explanation('s2')]);
    store.appendExplanation('toy', 'saliency', explanation('s3'));
    const back = store.readExplanations('toy', 'saliency');
    expect(back.dropped).toBe(0);
    expect(back.lines.map((l) => l.sampleIds![0])).toEqual(['s1', 's2', 's3']);
    expect(existsSync(join(store.dir, 'explanations', 'toy', 'saliency.jsonl'))).toBe(true);
    expect(store.readExplanations('toy', 'other')).toEqual({ lines: [], dropped: 0 });
  });

  it('rejects ids that cannot name a file', () => {
    const store = new RunStore(freshDir());
    expect(() => store.appendExplanation('../x', 'saliency', explanation('s1'))).toThrow(/task id '..\/x'/);
  });
});

describe('RunStore run.json and other files', () => {
  it('writes run.json atomically and reads it back validated', () => {
    const dir = freshDir();
    const store = new RunStore(dir);
    expect(store.readRunJson()).toBeNull();
    store.writeRunJson(makeRun('r1', { status: 'running' }));
    store.writeRunJson(makeRun('r1'));
    expect(store.readRunJson()).toEqual(makeRun('r1'));
    // Only run.json: no temp file left behind.
    expect(readdirSync(dir)).toEqual(['run.json']);
    expect(() => store.writeRunJson({ ...makeRun('r1'), status: 'done' as never })).toThrow(/\/status: must be one of/);
    expect(store.readRunJson()).toEqual(makeRun('r1'));
    writeFileSync(join(dir, 'run.json'), '{');
    expect(() => store.readRunJson()).toThrow(/run\.json: not valid JSON/);
  });

  it('writes nested files atomically and never outside the folder', () => {
    const store = new RunStore(freshDir());
    store.writeFileAtomic('artifacts/toy/a/s1.png', new Uint8Array([1, 2, 3]));
    store.writeFileAtomic('summary.md', '# hi\n');
    store.writeFileAtomic('summary.md', '# again\n');
    expect([...readFileSync(join(store.dir, 'artifacts/toy/a/s1.png'))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(store.dir, 'summary.md'), 'utf8')).toBe('# again\n');
    expect(() => store.writeFileAtomic('../escape.txt', 'x')).toThrow(/leaves the run folder/);
  });

  it('read-only stores refuse to write', () => {
    const store = new RunStore(freshDir(), { readOnly: true });
    expect(() => store.appendResult(makeRecord({ explainer: 'a', metric: 'm', values: [1] }))).toThrow(/read-only/);
  });

  it('reads run folders for aggregation and insists on run.json', () => {
    const dir = freshDir();
    const store = new RunStore(dir);
    store.writeRunJson(makeRun('run-a'));
    store.appendResult(makeRecord({ explainer: 'a', metric: 'm', values: [1] }));
    const [folder] = readRunFolders([dir]);
    expect(folder.run.id).toBe('run-a');
    expect(folder.records).toHaveLength(1);
    expect(() => readRunFolders([freshDir()])).toThrow(/no run\.json/);
  });
});
