/**
 * Reads a CSV whose columns may be categorical (level names as text) and encodes it for a model:
 * a column is numeric when every cell parses as a finite number, categorical otherwise. Levels are
 * sorted by name, so the coding is a property of the file's values, not of their order. Two levels
 * become one 0/1 column (0 = first level), more become one-hot columns named `feature = level`.
 * The last column is `label`; classes are numbered in order of first appearance (as csv-table.ts).
 * Every problem is a UserError naming file, line and column.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../core/errors.js';
import type { TypedFeature } from './task.js';
import { classNumbering, parseCsvRecords, readFileBytes } from './csv-table.js';

export interface TypedTable {
  readonly features: readonly TypedFeature[];
  /** One name per encoded model-input column. */
  readonly columnNames: readonly string[];
  readonly classes: readonly string[];
  readonly n: number;
  /** Encoded columns. */
  readonly d: number;
  /** Encoded values, row-major n * d: numeric columns in original units, categorical as 0/1. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly hash: string;
}

/** Units of the numeric columns by name; a numeric column without one gets ''. */
export type UnitsByName = Readonly<Record<string, string>>;

function typeColumn(name: string, cells: readonly string[], unit: string, first: number): { feature: TypedFeature; names: string[] } {
  if (cells.every((c) => c !== '' && Number.isFinite(Number(c)))) {
    return { feature: { kind: 'numeric', name, unit, columns: [first] }, names: [name] };
  }
  const levels = [...new Set(cells)].sort();
  if (levels.includes('')) throw new UserError(`column '${name}': empty cell (missing values must be removed when the table is prepared)`);
  if (levels.length < 2) throw new UserError(`column '${name}': one level only ('${levels[0]}'), nothing to learn from`);
  const binary = levels.length === 2;
  const columns = binary ? [first] : levels.map((_, k) => first + k);
  return {
    feature: { kind: 'categorical', name, levels, encoding: binary ? 'binary' : 'one-hot', columns },
    names: binary ? [name] : levels.map((l) => `${name} = ${l}`),
  };
}

function encodeCell(f: TypedFeature, cell: string, x: Float32Array, rowStart: number): void {
  if (f.kind === 'numeric') x[rowStart + f.columns[0]] = Number(cell);
  else if (f.encoding === 'binary') x[rowStart + f.columns[0]] = f.levels.indexOf(cell);
  else x[rowStart + f.columns[f.levels.indexOf(cell)]] = 1;
}

/** Parses CSV text; `file` only names the source in error messages. */
export function parseTypedCsv(text: string, file: string, units: UnitsByName = {}): TypedTable {
  const [head, ...rows] = parseCsvRecords(text, file);
  const header = head?.record;
  if (!header || header[header.length - 1] !== 'label') throw new UserError(`${file}: line 1: the last header cell must be 'label'`);
  if (rows.length === 0) throw new UserError(`${file}: no data rows after the header`);
  const short = rows.find((r) => r.record.length !== header.length);
  if (short) throw new UserError(`${file}: line ${short.info.lines}: ${short.record.length} columns, but the header has ${header.length}`);
  const body = rows.map((r) => r.record);
  const nf = header.length - 1;
  const features: TypedFeature[] = [];
  const columnNames: string[] = [];
  for (let c = 0; c < nf; c++) {
    let typed;
    try {
      typed = typeColumn(header[c], body.map((r) => r[c]), units[header[c]] ?? '', columnNames.length);
    } catch (e) {
      throw e instanceof UserError ? new UserError(`${file}: ${e.message}`) : e;
    }
    features.push(typed.feature);
    columnNames.push(...typed.names);
  }
  const d = columnNames.length;
  const x = new Float32Array(body.length * d);
  const y = new Int32Array(body.length);
  const { classes, classOf } = classNumbering();
  body.forEach((r, i) => {
    features.forEach((f, c) => encodeCell(f, r[c], x, i * d));
    y[i] = classOf(r[nf]);
  });
  if (classes.length < 2) throw new UserError(`${file}: only one class; a classification task needs two or more`);
  return { features, columnNames, classes, n: body.length, d, x, y, hash: createHash('sha256').update(text).digest('hex') };
}

export function readTypedCsv(path: string, units: UnitsByName = {}): TypedTable {
  return parseTypedCsv(readFileBytes(path).toString('utf8'), path, units);
}
