/** Typed access to the cells of one survey CSV row; every failure names file, line and column. */
import { UserError } from '../core/errors.js';
import { cellAt, type CsvFile, type CsvRow } from './csv-file.js';

/** Opaque ids (docs/formats.md, Survey files). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class Cells {
  constructor(
    readonly file: CsvFile,
    readonly row: CsvRow,
  ) {}

  get line(): number {
    return this.row.line;
  }

  where(column: string): string {
    return cellAt(this.file, this.row.line, column);
  }

  fail(column: string, what: string): never {
    throw new UserError(`${this.where(column)}: ${what}`);
  }

  /** The raw cell ('' when empty or when an optional column is absent). */
  raw(column: string): string {
    return this.row.cells.get(column) ?? '';
  }

  id(column: string): string {
    const v = this.raw(column);
    if (v === '') this.fail(column, 'empty, but an id is required');
    if (!ID_PATTERN.test(v)) this.fail(column, `'${v}' is not an id (letters, digits, '.', '_', ':' or '-')`);
    return v;
  }

  optionalId(column: string): string | null {
    return this.raw(column) === '' ? null : this.id(column);
  }

  /** 0 or 1; null when empty (missing, never imputed). */
  optionalBinary(column: string, what = 'a label'): 0 | 1 | null {
    const v = this.raw(column);
    if (v === '') return null;
    if (v !== '0' && v !== '1') this.fail(column, `'${v}' is not ${what} (expected 0 or 1)`);
    return v === '1' ? 1 : 0;
  }

  binary(column: string, what = 'a flag'): 0 | 1 {
    const v = this.optionalBinary(column, what);
    if (v === null) this.fail(column, `empty, but ${what} (0 or 1) is required`);
    return v;
  }

  optionalInteger(column: string, min = 0): number | null {
    const v = this.raw(column);
    if (v === '') return null;
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n)) this.fail(column, `'${v}' is not an integer`);
    if (n < min) this.fail(column, `${n} is below the minimum ${min}`);
    return n;
  }

  integer(column: string, min = 0): number {
    const v = this.optionalInteger(column, min);
    if (v === null) this.fail(column, 'empty, but an integer is required');
    return v;
  }

  oneOf<T extends string>(column: string, values: readonly T[]): T {
    const v = this.raw(column);
    if (!(values as readonly string[]).includes(v)) this.fail(column, `'${v}' is not one of ${values.join(', ')}`);
    return v as T;
  }

  optionalTimestamp(column: string): string | null {
    const v = this.raw(column);
    if (v === '') return null;
    if (!TIMESTAMP.test(v) || Number.isNaN(Date.parse(v))) this.fail(column, `'${v}' is not an ISO 8601 timestamp with an offset`);
    return v;
  }
}
