import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertReplaceable, buildFolderFor, SITE_MARKER, swapIn } from './site-out.js';

const root = mkdtempSync(join(tmpdir(), 'xai-bench-site-out-'));
const folder = (name: string, files: Record<string, string>) => {
  const dir = join(root, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
};

describe('the site --out folder', () => {
  it('refuses a folder it did not make, even one holding an index.html, and deletes nothing', () => {
    const mine = folder('my-pages', { 'index.html': '<h1>my own page</h1>', 'notes/thesis.tex': 'years of work' });
    expect(() => assertReplaceable(mine)).toThrow(
      new RegExp(`^--out ${mine}: exists and was not made by xai-bench site \\(no \\${SITE_MARKER} in it\\)`),
    );
    const built = buildFolderFor(mine);
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), 'new site');
    expect(() => swapIn(built, mine)).toThrow(/was not made by xai-bench site/);
    expect(readFileSync(join(mine, 'notes/thesis.tex'), 'utf8')).toBe('years of work');
  });

  it('replaces its own earlier build (marked), an empty folder, a new path, and a build from before the marker', () => {
    for (const [name, files] of [
      ['marked', { [SITE_MARKER]: '{}', 'index.html': 'old', 'stale.html': 'old' }],
      [
        'legacy',
        { 'index.html': 'old', 'downloads/leaderboard.json': '{}', 'downloads/leaderboard.csv': '', 'downloads/catalog.json': '{}' },
      ],
      ['empty', {}],
    ] as const) {
      const out = name === 'empty' ? join(root, 'empty') : folder(name, files);
      if (name === 'empty') mkdirSync(out);
      const built = buildFolderFor(out);
      mkdirSync(built);
      writeFileSync(join(built, 'index.html'), 'new site');
      swapIn(built, out);
      expect(readdirSync(out).sort(), name).toEqual([SITE_MARKER, 'index.html']);
      expect(existsSync(built)).toBe(false);
    }
    expect(() => assertReplaceable(join(root, 'not-there'))).not.toThrow();
  });
});
