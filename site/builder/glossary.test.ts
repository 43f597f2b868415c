/**
 * The glossary (site/src/lib/glossary.ts) is used consistently: no Korean text the site shows (interface
 * strings, catalog translations, guide table, method cards, explanation and survey texts) uses a variant
 * the glossary rejects. The built pages are checked too, in a browser (test/e2e/site-korean.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { GLOSSARY, findRejected, term } from '../src/lib/glossary.js';

const ROOT = packageRoot();
/** Folders whose files hold Korean that reaches a page (the glossary itself lists the variants). */
const FOLDERS = ['site/src', 'explainers', 'survey', 'datasets', 'metrics', 'leaderboard'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|astro|json)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((p) => !p.endsWith('glossary.ts'));
}

/** The Korean stretches of a source file (runs of text with Hangul), so English code never matches. */
const koreanLines = (text: string) => text.split('\n').filter((l) => /[\uac00-\ud7a3]/.test(l));

describe('the glossary', () => {
  it('has one Korean word per term, never also listed as rejected, and no term twice', () => {
    const ids = GLOSSARY.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of GLOSSARY) expect(t.rejected, t.id).not.toContain(t.ko);
    // A rejected variant of one term must not be the chosen word of another.
    const chosen = new Set(GLOSSARY.map((t) => t.ko));
    for (const t of GLOSSARY) for (const v of t.rejected) expect(chosen.has(v), `${t.id}: ${v}`).toBe(false);
    expect(term('attribution', 'ko')).toBe('기여도');
    expect(() => term('no-such-term', 'ko')).toThrow(/no term/);
  });

  it('finds rejected variants, including "외" only after an author name', () => {
    expect(findRejected('귀인 방법')).toEqual([{ variant: '귀인', use: '기여도' }]);
    expect(findRejected('Gilpin 외(2018)')).toEqual([{ variant: '외', use: '등' }]);
    expect(findRejected('그 외에는 예외입니다')).toEqual([]);
    expect(findRejected('특성 기여도의 건전성 검사')).toEqual([]);
  });

  it('no Korean text in the sources the site shows uses a rejected variant', () => {
    const problems: string[] = [];
    for (const file of FOLDERS.flatMap(sourceFiles)) {
      koreanLines(readFileSync(join(ROOT, file), 'utf8')).forEach((line) => {
        for (const r of findRejected(line)) problems.push(`${file}: '${r.variant}' (use '${r.use}'): ${line.trim().slice(0, 100)}`);
      });
    }
    expect(problems).toEqual([]);
  });
});
