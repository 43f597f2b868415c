/** A throwaway git checkout with one commit (a tracked file and a committed data/leaderboard/ folder), for publishing tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function gitFixture(): string {
  const repo = mkdtempSync(join(tmpdir(), 'xai-bench-git-'));
  mkdirSync(join(repo, 'leaderboard'));
  writeFileSync(join(repo, 'code.ts'), 'export {};\n');
  writeFileSync(join(repo, 'leaderboard', 'README.md'), 'The published leaderboard.\n');
  gitIn(repo, 'init', '-q');
  gitIn(repo, 'config', 'user.email', 'test@example.org');
  gitIn(repo, 'config', 'user.name', 'test');
  commitAll(repo, 'fixture');
  return repo;
}

export function gitIn(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

export function commitAll(repo: string, message: string): string {
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '--allow-empty', '-m', message);
  return gitIn(repo, 'rev-parse', 'HEAD').trim();
}
