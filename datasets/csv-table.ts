/**
 * Reads a labelled numeric CSV: one header row, numeric feature columns, last column `label` holding
 * the class name. Classes are numbered in order of first appearance, so the numbering is a property of
 * the file and not of any sort order. Every problem is a UserError naming file, line and column.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../core/errors.js';

export interface CsvTable {
  readonly file: string;
  readonly featureNames: readonly string[];
  readonly classes: readonly string[];
  /** Number of rows and of feature columns. */
  readonly n: number;
  readonly d: number;
  /** Raw feature values, row-major, n * d. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  /** sha256 of the file bytes. */
  readonly hash: string;
}

export interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * CSV records with their line numbers (rows of any length: callers check them against the header); a
 * parse error is a UserError naming the file and line.
 */
export function parseCsvRecords(text: string, file: string): ParsedRecord[] {
  try {
    const options = { relax_column_count: true, info: true, skip_empty_lines: true, trim: true, bom: true };
    return parse(text, options) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new UserError(`${file}${err.lines ? `: line ${err.lines}` : ''}: not valid CSV (${err.message})`);
  }
}

/** Class labels numbered in order of first appearance, so the numbering is a property of the file. */
export function classNumbering(): { classes: string[]; classOf: (label: string) => number } {
  const classes: string[] = [];
  const index = new Map<string, number>();
  const classOf = (label: string): number => {
    let k = index.get(label);
    if (k === undefined) {
      k = classes.push(label) - 1;
      index.set(label, k);
    }
    return k;
  };
  return { classes, classOf };
}

/** A file's bytes, or a UserError naming it. */
export function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Parses CSV text; `file` only names the source in error messages. */
export function parseCsvTable(text: string, file: string): CsvTable {
  const where = (line: number, col?: number, name?: string): string =>
    `${file}: line ${line}${col === undefined ? '' : `, column ${col}${name ? ` (${name})` : ''}`}`;
  if (text.trim() === '') throw new UserError(`${file}: empty file (expected a header row ending in 'label' and data rows)`);
  const [head, ...body] = parseCsvRecords(text, file);
  const header = head.record;
  const labelCol = header.length - 1;
  if (header[labelCol] !== 'label') {
    throw new UserError(
      `${where(head.info.lines, header.length, header[labelCol])}: missing label column (the last header cell must be 'label')`,
    );
  }
  if (header.length < 2) throw new UserError(`${where(head.info.lines)}: no feature columns before 'label'`);
  header.forEach((name, i) => {
    if (name === '') throw new UserError(`${where(head.info.lines, i + 1)}: empty column name in the header`);
  });
  if (body.length === 0) throw new UserError(`${file}: no data rows after the header`);
  const d = labelCol;
  const n = body.length;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  const { classes, classOf } = classNumbering();
  body.forEach(({ record, info }, r) => {
    if (record.length !== header.length) {
      throw new UserError(`${where(info.lines)}: ${record.length} columns, but the header has ${header.length}`);
    }
    for (let c = 0; c < d; c++) {
      const cell = record[c];
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw new UserError(`${where(info.lines, c + 1, header[c])}: '${cell}' is not a finite number`);
      }
      x[r * d + c] = v;
    }
    const label = record[labelCol];
    if (label === '') throw new UserError(`${where(info.lines, labelCol + 1, 'label')}: empty class label`);
    y[r] = classOf(label);
  });
  if (classes.length < 2) throw new UserError(`${file}: only one class ('${classes[0]}'); a classification task needs two or more`);
  return {
    file,
    featureNames: header.slice(0, d),
    classes,
    n,
    d,
    x,
    y,
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/** Reads and parses a CSV file; the hash is over the file's bytes. */
export function readCsvTable(path: string): CsvTable {
  const bytes = readFileBytes(path);
  const table = parseCsvTable(bytes.toString('utf8'), path);
  return { ...table, hash: createHash('sha256').update(bytes).digest('hex') };
}
