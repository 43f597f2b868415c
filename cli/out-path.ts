/**
 * Output paths checked before any work is done (README "Errors"): a file where a folder is expected, a
 * folder where a file is expected, a parent that is a file or a folder that cannot be written is one
 * line naming the path (exit 2), not a stack trace after the work is done.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The nearest existing folder at or above `path` (which does not exist), refusing an ancestor that is a file. */
function existingParent(flag: string, given: string, path: string): string {
  let p = dirname(path);
  for (;;) {
    const s = statOf(p);
    if (s) {
      if (!s.isDirectory()) throw new UserError(`${flag} ${given}: ${p} is a file, not a folder`);
      return p;
    }
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
}

function writable(flag: string, given: string, dir: string): void {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new UserError(`${flag} ${given}: cannot write in ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** `flag PATH` names a file to write: refused if it is a folder, lies under a file or in a folder that cannot be written. */
export function checkOutFile(flag: string, given: string): void {
  const path = resolve(given);
  const s = statOf(path);
  if (s?.isDirectory()) throw new UserError(`${flag} ${given}: is a folder; expected a file path`);
  writable(flag, given, existingParent(flag, given, path));
}

/**
 * `flag PATH` names a folder to write into: refused if it is a file, lies under a file or cannot be written.
 * `replaced`: the folder is built beside and swapped in (site --out), so its parent must be writable too.
 */
export function checkOutDir(flag: string, given: string, replaced = false): void {
  const path = resolve(given);
  const s = statOf(path);
  if (s && !s.isDirectory()) throw new UserError(`${flag} ${given}: is a file; expected a folder`);
  const parent = existingParent(flag, given, path);
  writable(flag, given, s && !replaced ? path : parent);
}
