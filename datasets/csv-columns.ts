/**
 * Reads a CSV with a header row into named columns of text, keeping each row's line number so that a
 * bad cell can be named by line and column. Unlike csv-table.ts (the committed sets: label last,
 * every other column numeric) it leaves the choice and parsing of columns to the caller.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../core/errors.js';

export interface CsvColumns {
  readonly header: readonly string[];
  /** Data rows, each as many cells as the header. */
  readonly rows: readonly (readonly string[])[];
  /** The file line each row starts on. */
  readonly lines: readonly number[];
  /** sha256 of the file bytes. */
  readonly hash: string;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** `name` names the file in messages (the path the user gave, or with the config's context). */
export function readCsvColumns(path: string, name = path): CsvColumns {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${name}: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(e)})`}`);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new UserError(`${name}: empty file (expected a header row and data rows)`);
  let parsed: ParsedRecord[];
  try {
    const options = { relax_column_count: true, info: true, skip_empty_lines: true, trim: true, bom: true };
    parsed = parse(text, options) as unknown as ParsedRecord[];
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new UserError(`${name}${err.lines ? `: line ${err.lines}` : ''}: not valid CSV (${err.message})`);
  }
  const [head, ...body] = parsed;
  const header = head.record;
  header.forEach((h, i) => {
    if (h === '') throw new UserError(`${name}: line ${head.info.lines}, column ${i + 1}: empty column name in the header`);
    if (header.indexOf(h) !== i) throw new UserError(`${name}: line ${head.info.lines}, column ${i + 1}: column name '${h}' appears twice in the header`);
  });
  if (body.length === 0) throw new UserError(`${name}: no data rows after the header`);
  for (const { record, info } of body) {
    if (record.length !== header.length) throw new UserError(`${name}: line ${info.lines}: ${record.length} columns, but the header has ${header.length}`);
  }
  return {
    header,
    rows: body.map((b) => b.record),
    lines: body.map((b) => b.info.lines),
    hash: createHash('sha256').update(bytes).digest('hex'),
  };
}
