import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitFixture, gitIn } from '../../test/helpers/git-fixture.js';
import { cleanCommit, newHistoryEntry } from './publish-git.js';

describe('publishing needs a clean git tree', () => {
  it('returns the commit of a clean tree; untracked files elsewhere do not matter', () => {
    const repo = gitFixture();
    writeFileSync(join(repo, 'scratch.txt'), 'notes');
    const head = gitIn(repo, 'rev-parse', 'HEAD').trim();
    expect(cleanCommit(repo, [join(repo, 'leaderboard')])).toBe(head);
  });

  it('refuses uncommitted changes to tracked files, and untracked files under the published folder, in one line', () => {
    const repo = gitFixture();
    writeFileSync(join(repo, 'leaderboard', 'stray.json'), '{}');
    expect(() => cleanCommit(repo, [join(repo, 'leaderboard')])).toThrow(
      /^publish: .*leaderboard holds untracked files \(1 file, e\.g\. leaderboard\/stray\.json\); commit or remove them first$/,
    );
    writeFileSync(join(repo, 'code.ts'), 'export const changed = 1;\n');
    expect(() => cleanCommit(repo, [join(repo, 'leaderboard')])).toThrow(
      /^publish: the git tree at .* has uncommitted changes \(1 file, e\.g\. code\.ts\); commit them first/,
    );
  });

  it('refuses a folder that is not a git checkout', () => {
    expect(() => cleanCommit(mkdtempSync(join(tmpdir(), 'xai-bench-nogit-')), [])).toThrow(
      /^publish: .* is not a git checkout git can read/,
    );
  });
});

describe('history entries', () => {
  it('are keyed by version and commit, and a second publication of one commit gets a new entry beside the first', () => {
    const hist = join(mkdtempSync(join(tmpdir(), 'xai-bench-hist-')), 'history');
    const a = newHistoryEntry(hist, '0.1.0', '0123456789abcdef');
    writeFileSync(join(a.dir, 'leaderboard.json.gz'), 'first');
    const b = newHistoryEntry(hist, '0.1.0', '0123456789abcdef');
    expect([a.name, b.name]).toEqual(['0.1.0-0123456', '0.1.0-0123456-2']);
    expect(readdirSync(a.dir)).toEqual(['leaderboard.json.gz']);
    expect(readdirSync(hist).sort()).toEqual(['0.1.0-0123456', '0.1.0-0123456-2']);
  });
});
