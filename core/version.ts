/** The xai-bench version and, when run from a git checkout, the commit: recorded in every result. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

let cached: { version: string; commit: string | null; tfjs: string } | null = null;

export function versionInfo(): { version: string; commit: string | null; tfjs: string } {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (commit && dirty) commit = `${commit}-dirty`;
  } catch {
    commit = null;
  }
  cached = { version: pkg.version, commit, tfjs: pkg.dependencies['@tensorflow/tfjs'] ?? 'unknown' };
  return cached;
}
