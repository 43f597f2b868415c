/**
 * The site for its readers, in a real browser (Debian chromium via playwright-core): the policy maker's
 * guide page in both languages, Korean pages without English sentences or rejected glossary variants
 * (every Korean page a crawl reaches, so every page kind), the home summary and its URL-kept filters,
 * presets that weigh only measured criteria, and tie marks that explain themselves on focus and touch.
 * Built from the shared smoke run; XAI_BENCH_SITE_FROM=<run folder> builds from another run (a quick run,
 * as `npm start` makes) instead.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { particle } from '../../core/korean-particles.js';
import type { Leaderboard } from '../../leaderboard/types.js';
import { serveStatic } from '../../site/builder/serve.js';
import { findRejected } from '../../site/src/lib/glossary.js';
import { launchChromium, openPage } from './browser.js';
import { cli } from './cli.js';
import { englishRuns, visibleTextNodes } from './english-text.js';

const smoke = inject('smoke');
let server: Server;
let base: string;
let browser: Browser;
let lb: Leaderboard;
const dialogs: string[] = [];
const open = (path: string) => openPage(browser, base, path, dialogs);

beforeAll(async () => {
  const fromEnv = process.env.XAI_BENCH_SITE_FROM;
  if (!fromEnv) expect(smoke.code, smoke.stderr).toBe(0);
  const work = mkdtempSync(join(tmpdir(), 'xai-bench-site-ko-'));
  const from = join(work, 'run');
  cpSync(fromEnv ?? smoke.dir, from, { recursive: true });
  lb = JSON.parse(readFileSync(join(from, 'leaderboard.json'), 'utf8')) as Leaderboard;
  const siteDir = join(work, 'site');
  const r = cli(['site', '--from', from, '--out', siteDir, '--quiet'], { timeoutMs: 300_000 });
  expect(r.code, r.stderr).toBe(0);
  ({ server, url: base } = await serveStatic(siteDir, 0));
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Every page a crawl from `start` reaches under `prefix` that answers 200, with the pages that did not. */
async function crawl(page: Page, start: string, prefix: string, visit: (path: string) => Promise<void>) {
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const r = await page.goto(new URL(path, base).href);
    if (!r || r.status() !== 200) {
      missing.push(path);
      continue;
    }
    await visit(path);
    const hrefs = await page.$$eval('a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href));
    for (const h of hrefs) {
      const u = new URL(h);
      if (u.origin === new URL(base).origin && u.pathname.startsWith(prefix) && u.pathname.endsWith('/')) queue.push(u.pathname);
    }
  }
  return { seen, missing };
}

describe('Korean pages', () => {
  it('show no English sentence outside code, ids and references, and no rejected glossary variant', async () => {
    const page = await browser.newPage();
    const english: string[] = [];
    const rejected: string[] = [];
    const { seen } = await crawl(page, '/ko/', '/ko/', async (path) => {
      const texts = (await page.evaluate(visibleTextNodes)) as string[];
      for (const t of texts) {
        for (const run of englishRuns(t)) english.push(`${path}: ${run}`);
        for (const r of findRejected(t)) rejected.push(`${path}: '${r.variant}' (the glossary says '${r.use}')`);
      }
    });
    await page.close();
    expect([...new Set(english)]).toEqual([]);
    expect([...new Set(rejected)]).toEqual([]);
    // Every page kind was read.
    const kinds = ['/ko/guide/', '/ko/', '/ko/explorer/', '/ko/map/', '/ko/methods/', '/ko/methods/lime/', '/ko/metrics/', '/ko/metrics/mprt/',
      '/ko/gallery/', '/ko/human/', '/ko/metric-quality/', '/ko/provenance/', '/ko/differences/', '/ko/tasks/mnist-cnn/'];
    for (const k of kinds) expect(seen.has(k), k).toBe(true);
    expect([...seen].some((p) => /^\/ko\/gallery\/[^/]+\/$/.test(p)), 'a gallery task page').toBe(true);
  }, 600_000);

  it('write dates in Korean and name the criteria with the glossary words', async () => {
    const { page, errors } = await open('/ko/');
    expect(await page.locator('footer').innerText()).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일/);
    expect(await page.locator('footer').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const headers = await page.locator('[data-group-section="attribution"] thead th').allInnerTexts();
    expect(headers).toEqual(expect.arrayContaining(['충실도', '건전성', '간결성']));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the guide page', () => {
  for (const lang of ['', '/ko'] as const) {
    it(`${lang || '/en'}: comes first in the navigation and computes the leaders of each use case from the group aggregates`, async () => {
      const { page, errors } = await open(`${lang}/guide/`);
      const first = await page.locator('header nav a').first().getAttribute('href');
      expect(first).toBe(`${lang}/guide/`);
      expect(await page.locator('[data-use-case]').count()).toBe(4);
      for (const id of ['high-stakes-tabular', 'images', 'rules-transparency', 'end-user']) {
        const section = page.locator(`[data-use-case="${id}"]`);
        expect(await section.locator('table[data-needs] tbody tr').count()).toBeGreaterThan(1);
        const leaders = JSON.parse((await section.locator('[data-leaders]').getAttribute('data-leaders'))!) as string[];
        const table = section.locator('table[data-guide-ranking] tbody tr');
        if ((await table.count()) === 0) {
          expect(leaders).toEqual([]);
          continue;
        }
        // The leaders are exactly the rank-1 rows and the rows tied with one of them, as the table shows.
        const rows = await table.evaluateAll((trs) =>
          trs.map((tr) => ({
            id: (tr as HTMLElement).dataset.explainer!,
            rank: tr.querySelector('td')!.textContent!.trim(),
            tied: tr.querySelectorAll('td')[2].textContent!.split(',').map((x) => x.trim()),
          })),
        );
        const firsts = rows.filter((r) => r.rank === '1').map((r) => r.id);
        const expected = rows.filter((r) => r.rank === '1' || (r.rank !== '–' && r.tied.some((t) => firsts.includes(t)))).map((r) => r.id);
        expect(new Set(leaders)).toEqual(new Set(expected));
        expect(leaders.length).toBeGreaterThan(0);
        // The random control never leads.
        expect(leaders).not.toContain('random');
        // The sentence names them with the subject particle their last name takes.
        const sentence = await section.locator('[data-leaders]').innerText();
        for (const l of leaders) expect(sentence).toContain(l);
        if (lang === '/ko') expect(sentence).toContain(`${leaders[leaders.length - 1]}${particle(leaders[leaders.length - 1], '이/가')} `);
      }
      // Human ratings: said to be missing when the leaderboard has none.
      const humanNote = page.locator('[data-use-case="end-user"] [data-human-missing]');
      expect(await humanNote.count()).toBe(lb.human ? 0 : 1);
      // What each criterion can and cannot show, with the metrics' papers, and the sanity record.
      expect(await page.locator('table[data-limits] tbody tr').count()).toBeGreaterThanOrEqual(7);
      expect(await page.locator('#c-localisation cite').count()).toBeGreaterThan(0);
      expect(await page.locator('table[data-sanity-record] tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('table[data-glossary] tbody tr').count()).toBeGreaterThan(10);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('links each use case to the explorer with its weights, which the explorer then shows', async () => {
    const { page, errors } = await open('/guide/');
    const link = page.locator('[data-use-case="high-stakes-tabular"] a[href*="/explorer/?"]');
    await link.click();
    await page.waitForURL('**/explorer/?**');
    // Essential criteria weigh 2, useful ones 1 (guide-table.ts): fidelity is essential, completeness useful.
    expect(await page.locator('#w-fidelity').inputValue()).toBe('2');
    expect(await page.locator('#w-completeness').inputValue()).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the leaderboard home page', () => {
  it('opens with a summary of the groups, leaders with intervals and ties, before the task tables', async () => {
    const { page, errors } = await open('/');
    const order = await page.evaluate(() => {
      const summary = document.querySelector('[data-summary]')!;
      const task = document.querySelector('[data-task-section]')!;
      return summary.compareDocumentPosition(task) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    for (const g of lb.groups ?? []) {
      const item = page.locator(`[data-summary-group="${g.group}"]`);
      expect(await item.count()).toBe(1);
      const first = g.overall.filter((o) => o.rank === 1).map((o) => o.explainer);
      if (g.ranked) {
        const shown = await item.locator('[data-leader]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.leader));
        for (const f of first) expect(shown).toContain(f);
        expect(await item.innerText()).toMatch(/\[[-\d.e]+, [-\d.e]+\]/);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the filters in the address, and restores them from it', async () => {
    const kinds = new Set(lb.tasks.map((t) => t.task));
    const { page, errors } = await open('/?kind=image');
    await page.waitForSelector('form[data-filters]:not([hidden])');
    expect(await page.locator('select[name=kind]').inputValue()).toBe('image');
    const visible = await page.$$eval('[data-task-section]', (els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => (e as HTMLElement).dataset.kind),
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['image']));
    await page.selectOption('select[name=family]', 'attribution');
    expect(new URL(page.url()).searchParams.get('family')).toBe('attribution');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('image');
    await page.selectOption('select[name=kind]', 'all');
    expect(new URL(page.url()).searchParams.has('kind')).toBe(false);
    expect(kinds.size).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('criteria explorer and tie marks', () => {
  it('presets weigh only measured criteria and say which are left out', async () => {
    const measured = new Set((lb.groups ?? []).flatMap((g) => g.replicates?.criteria ?? []));
    for (const lang of ['', '/ko']) {
      const { page, errors } = await open(`${lang}/explorer/`);
      await page.waitForSelector('[data-preset-weights]');
      const human = lang ? '사람 평가' : 'Human';
      const texts = await page.locator('[data-preset-weights]').allInnerTexts();
      expect(texts.length).toBe(4);
      if (!measured.has('human' as never)) {
        for (const t of texts) expect(t).not.toContain(human);
        expect(await page.locator('#w-human').count()).toBe(0);
        expect(await page.locator('[data-unmeasured-criteria]').innerText()).toContain(human);
        await page.locator('button[data-preset="end-user"]').click();
        expect(new URL(page.url()).searchParams.has('human')).toBe(false);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('a tie mark shows whom it is tied with on keyboard focus and on touch, not only on hover', async () => {
    const task = lb.tasks.find((t) => t.metrics.some((m) => m.entries.some((e) => e.rank !== null && e.tiedWith.length > 0)))!;
    expect(task).toBeTruthy();
    const { page, errors } = await open(`/ko/tasks/${task.task}/`);
    const tie = page.locator('[data-tie]').first();
    const tipWidth = () => tie.locator('.tip').evaluate((e) => e.getBoundingClientRect().width);
    expect(await tipWidth()).toBeLessThanOrEqual(1);
    await tie.focus();
    expect(await tipWidth()).toBeGreaterThan(20);
    expect(await tie.locator('.tip').innerText()).toContain('동률');
    await page.close();
    // A phone: tapping the mark focuses it and shows the list.
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(new URL(`/ko/tasks/${task.task}/`, base).href);
    const mark = phone.locator('[data-tie]').first();
    await mark.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
    const box = (await mark.boundingBox())!;
    await phone.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    expect(await mark.locator('.tip').evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(20);
    await context.close();
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
