/**
 * What a publication stands on: a clean git tree and the commit it records. The published folder is
 * committed, so a publication made from uncommitted code (or over stray files in that folder) could
 * never be traced back to the code that produced it; each one gets its own history entry, keyed by
 * version and commit, and no entry is ever replaced.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UserError } from '../../core/errors.js';

function git(repo: string, args: readonly string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    const why = ((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
    throw new UserError(`publish: ${repo} is not a git checkout git can read (${why}); a publication records its commit`);
  }
}

const sample = (lines: readonly string[]) => `${lines.length} file${lines.length > 1 ? 's' : ''}, e.g. ${lines[0].slice(3)}`;

/** The commit to record; refuses uncommitted changes to tracked files, and untracked files under the published folders. */
export function cleanCommit(repo: string, published: readonly string[]): string {
  const top = git(repo, ['rev-parse', '--show-toplevel']).trim();
  const commit = git(top, ['rev-parse', 'HEAD']).trim();
  const changed = git(top, ['status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean);
  if (changed.length > 0)
    throw new UserError(
      `publish: the git tree at ${top} has uncommitted changes (${sample(changed)}); commit them first, so the publication records the ` +
        `code it ran`,
    );
  for (const folder of published) {
    const rel = relative(top, folder);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    const stray = git(top, ['status', '--porcelain', '--untracked-files=all', '--', rel || '.'])
      .split('\n')
      .filter((l) => l.startsWith('??'));
    if (stray.length > 0) throw new UserError(`publish: ${folder} holds untracked files (${sample(stray)}); commit or remove them first`);
  }
  return commit;
}

/**
 * Creates the history entry `<version>-<short commit>` (then -2, -3...: publishing the same commit
 * twice keeps both). mkdir without `recursive` fails on an existing folder, so nothing is overwritten.
 */
export function newHistoryEntry(historyDir: string, version: string, commit: string): { name: string; dir: string } {
  mkdirSync(historyDir, { recursive: true });
  const base = `${version}-${commit.slice(0, 7)}`;
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base}-${k}`;
    try {
      mkdirSync(join(historyDir, name));
      return { name, dir: join(historyDir, name) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
