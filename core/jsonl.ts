/**
 * JSON Lines files that survive a crash (docs/formats.md ("Run folder")): each append is one write(2) of
 * whole lines followed by fsync, so after a kill the file holds whole lines plus at most one torn
 * tail. Readers find that tail (no trailing newline, or a last line that does not parse), drop it,
 * and when allowed truncate the file back to the last whole line so later appends start clean.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, truncateSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { UserError } from './errors.js';

/** JSON.stringify that refuses NaN and ±Infinity (JSON would silently write them as null). */
export function stringifyFinite(value: unknown, where: string, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new Error(`${where}: refusing to write ${v} in field '${key}' (a value that cannot be computed is null with a reason)`);
      }
      return v;
    },
    indent,
  );
}

/** Appends one line per value as a single write, then fsyncs. */
export function appendJsonLines(path: string, values: readonly unknown[]): void {
  if (values.length === 0) return;
  const text = values.map((v) => stringifyFinite(v, path)).join('\n') + '\n';
  mkdirSync(dirname(path), { recursive: true });
  const buf = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'a');
  try {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface JsonLines {
  /** Parsed lines, each with its 1-based line number in the file. */
  readonly lines: readonly { readonly value: unknown; readonly line: number }[];
  /** Torn lines dropped from the end (0 or 1). */
  readonly dropped: number;
}

/**
 * Reads a JSON Lines file; a missing file is empty. A torn last line is dropped (and, with `repair`,
 * cut off the file); an unparsable line anywhere else is a UserError naming file and line.
 */
export function readJsonLines(path: string, opts: { repair: boolean }): JsonLines {
  if (!existsSync(path)) return { lines: [], dropped: 0 };
  // Published folders keep their results gzipped (read-only: a torn line there is never repaired).
  const gz = path.endsWith('.gz');
  const buf = gz ? gunzipSync(readFileSync(path)) : readFileSync(path);
  if (gz) opts = { repair: false };
  const lines: { value: unknown; line: number }[] = [];
  let start = 0;
  let lineNo = 0;
  /** Byte offset just after the last whole, parsable line. */
  let goodEnd = 0;
  let dropped = 0;
  while (start < buf.length) {
    lineNo++;
    const nl = buf.indexOf(0x0a, start);
    const end = nl === -1 ? buf.length : nl;
    const isLast = nl === -1 || nl === buf.length - 1;
    const text = buf.toString('utf8', start, end).trim();
    if (nl === -1) {
      // No newline after it: the write that made it never finished.
      dropped = 1;
      break;
    }
    if (text !== '') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        if (isLast) {
          dropped = 1;
          break;
        }
        throw new UserError(`${path}:${lineNo}: not valid JSON (${(e as Error).message})`);
      }
      lines.push({ value, line: lineNo });
    }
    start = nl + 1;
    goodEnd = start;
  }
  if (dropped && opts.repair) truncateSync(path, goodEnd);
  return { lines, dropped };
}

/** True when the file is missing, empty, or ends with a newline (safe to append to). */
export function endsCleanly(path: string): boolean {
  if (!existsSync(path)) return true;
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}
