/**
 * Strict reading of one survey CSV (docs/formats.md, Survey files): UTF-8 with or without BOM, a header
 * row, RFC 4180 quoting (csv-parse 7). Every problem is a UserError naming file, line and column, so a
 * user can go straight to the cell at fault. Empty cells stay '' (missing), never a default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../core/errors.js';

export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export interface CsvRow {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly cells: ReadonlyMap<string, string>;
}

export interface CsvFile {
  /** The path as shown in messages. */
  readonly path: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

interface Parsed {
  record: string[];
  info: { lines: number };
}

/** "FILE: line L, column C (NAME)" for a cell; the column number is 1-based. */
export function cellAt(file: CsvFile, line: number, column: string): string {
  const c = file.header.indexOf(column);
  return `${file.path}: line ${line}, column ${c + 1} (${column})`;
}

export function readCsv(path: string, spec: ColumnSpec): CsvFile {
  if (!existsSync(path)) throw new UserError(`${path}: file not found`);
  const text = readFileSync(path, 'utf8');
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError(`${path}: empty file (expected a header row and data rows)`);
  let records: Parsed[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Parsed[];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new UserError(`${path}${err.lines ? `: line ${err.lines}` : ''}: not valid CSV (${err.message})`);
  }
  const [head, ...body] = records;
  const header = head.record;
  const file: CsvFile = { path, header, rows: [] };
  const seen = new Set<string>();
  const known = new Set([...spec.required, ...spec.optional]);
  header.forEach((name, i) => {
    const where = `${path}: line ${head.info.lines}, column ${i + 1}`;
    if (name === '') throw new UserError(`${where}: empty column name in the header`);
    if (seen.has(name)) throw new UserError(`${where} (${name}): duplicate column name`);
    if (!known.has(name))
      throw new UserError(`${where} (${name}): unknown column (expected ${[...spec.required, ...spec.optional].join(', ')})`);
    seen.add(name);
  });
  for (const name of spec.required) {
    if (!seen.has(name))
      throw new UserError(`${path}: line ${head.info.lines}: missing column '${name}' (required: ${spec.required.join(', ')})`);
  }
  const rows: CsvRow[] = body.map(({ record, info }) => {
    // info.lines is the line where the record ends; a quoted field may span lines, so count back.
    const line = info.lines - (record.join(',').split('\n').length - 1);
    if (record.length !== header.length) {
      throw new UserError(`${path}: line ${line}: ${record.length} fields, but the header has ${header.length}`);
    }
    return { line, cells: new Map(header.map((h, i) => [h, record[i]])) };
  });
  return { ...file, rows };
}
