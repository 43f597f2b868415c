/**
 * The site as phones, sub-path hosts and link checkers see it (issue 21), in Debian's chromium:
 *  - the published leaderboard (data/leaderboard) built with `--base /xai-bench/` and served only under
 *    that path: every link and fragment of every page resolves inside it, and no build internals
 *    (content-*.mjs) are left in the site;
 *  - a run folder missing a metric the method cards cite (as the quick profile misses max-sensitivity):
 *    the metric's page exists and says it was not run, and every link resolves;
 *  - one page of every kind, in both languages, at 390 px: nothing sticks out sideways;
 *  - the pictures: interval charts, heat maps and the one trade-off chart, with and without JavaScript.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic } from '../../site/builder/serve.js';
import { launchChromium } from './browser.js';
import { cli, ROOT } from './cli.js';
import { crawlSite } from './site-crawl.js';

const BASE = '/xai-bench/';
const DROPPED = 'max-sensitivity';
const smoke = inject('smoke');

/** The value without any trace of metric `id`: its boards, pairs and entries, and its name in lists. */
function dropMetric(v: unknown, id: string): unknown {
  if (Array.isArray(v)) {
    return v
      .filter((x) => x !== id && !(x && typeof x === 'object' && [(x as Record<string, unknown>).metric, (x as Record<string, unknown>).metricA, (x as Record<string, unknown>).metricB, (x as Record<string, unknown>).id].includes(id)))
      .map((x) => dropMetric(x, id));
  }
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dropMetric(x, id)]));
  return v;
}

let browser: Browser;
let pub: { server: Server; url: string; dir: string };
let run: { server: Server; url: string; dir: string };

beforeAll(async () => {
  expect(smoke.code, smoke.stderr).toBe(0);
  const work = mkdtempSync(join(tmpdir(), 'xai-bench-site-phone-'));
  const pubDir = join(work, 'published');
  const r1 = cli(['site', '--from', join(ROOT, 'data', 'leaderboard'), '--out', pubDir, '--base', BASE, '--quiet'], { timeoutMs: 400_000 });
  expect(r1.code, r1.stderr).toBe(0);
  const from = join(work, 'run');
  cpSync(smoke.dir, from, { recursive: true });
  // The leaderboard loses every trace of the metric, the catalog its entry; the method cards keep citing it.
  const lbPath = join(from, 'leaderboard.json');
  writeFileSync(lbPath, JSON.stringify(dropMetric(JSON.parse(readFileSync(lbPath, 'utf8')), DROPPED)));
  const catalog = JSON.parse(readFileSync(join(from, 'catalog.json'), 'utf8')) as { metrics: { id: string }[]; explainers: unknown };
  writeFileSync(join(from, 'catalog.json'), JSON.stringify({ ...catalog, metrics: catalog.metrics.filter((m) => m.id !== DROPPED) }));
  expect(JSON.stringify(catalog.explainers)).toContain(`"${DROPPED}"`);
  const runDir = join(work, 'run-site');
  const r2 = cli(['site', '--from', from, '--out', runDir, '--quiet'], { timeoutMs: 400_000 });
  expect(r2.code, r2.stderr).toBe(0);
  pub = { ...(await serveStatic(pubDir, 0, BASE)), dir: pubDir };
  run = { ...(await serveStatic(runDir, 0)), dir: runDir };
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  pub?.server.close();
  run?.server.close();
});

/** One page of every kind (paths without the language prefix). */
const KINDS = ['', 'explorer/', 'map/', 'methods/', 'methods/lime/', 'metrics/', 'metrics/mprt/', 'tasks/mnist-cnn/', 'gallery/',
  'gallery/mnist-cnn/', 'human/', 'metric-quality/', 'provenance/', 'differences/', 'score/', 'versions/'];

describe('the published site hosted under a sub-path', () => {
  it('answers every link and fragment of every page inside the sub-path, and leaves no build internals', async () => {
    expect(pub.url.endsWith(BASE)).toBe(true);
    const crawl = await crawlSite(pub.url);
    expect(crawl.problems).toEqual([]);
    for (const k of KINDS) {
      expect(crawl.pages.has(`${BASE}${k}`), k).toBe(true);
      expect(crawl.pages.has(`${BASE}ko/${k}`), `ko/${k}`).toBe(true);
    }
    // Each earlier version's numbers are linked and served.
    expect([...crawl.files].some((f) => f.startsWith(`${BASE}downloads/history/`) && f.endsWith('leaderboard.json.gz'))).toBe(true);
    expect(readdirSync(pub.dir).filter((f) => /^content-.*\.mjs$/.test(f))).toEqual([]);
    // The root of the host is not the site.
    expect((await fetch(new URL('/index.html', pub.url))).status).toBe(404);
  }, 600_000);

  it('lists every history entry on the versions page with what changed, computed from the files', async () => {
    const history = readdirSync(join(ROOT, 'data', 'leaderboard', 'history'));
    const page = await browser.newPage();
    await page.goto(new URL('versions/', pub.url).href);
    const shown = await page.$$eval('[data-version]', (els) => els.map((e) => (e as HTMLElement).dataset.version));
    expect(new Set(shown)).toEqual(new Set(history));
    // Every entry but the oldest names the one it is compared with.
    expect(await page.locator('[data-version] >> text=/Changes since/').count()).toBe(history.length - 1);
    const bib = await page.locator('[data-cite-bibtex]').innerText();
    expect(bib).toMatch(/^@software\{/);
    expect(bib).toContain('version = {');
    expect(await page.locator('main').innerText()).toContain('MIT');
    await page.close();
  });
});

describe('a run site missing a metric the method cards cite', () => {
  it('builds a page for it that says it was not run, and every link resolves', async () => {
    const crawl = await crawlSite(run.url);
    expect(crawl.problems).toEqual([]);
    expect(crawl.pages.has(`/metrics/${DROPPED}/`)).toBe(true);
    // Before, the cards' links to it answered 404 (issue 21).
    expect([...crawl.pages].filter((p) => p.startsWith(`/metrics/${DROPPED}/`)).length).toBe(1);
    for (const lang of ['', 'ko/']) {
      const html = await (await fetch(new URL(`${lang}metrics/${DROPPED}/`, run.url))).text();
      expect(html, lang).toContain('data-not-run');
      expect(html, lang).toMatch(lang ? /smoke 프로필에서는 계산하지 않아서/ : /the smoke profile did not compute it/);
    }
    expect(existsSync(join(run.dir, 'metrics', DROPPED, 'index.html'))).toBe(true);
  }, 300_000);
});

describe('phones', () => {
  it('no page of any kind is wider than a 390 px screen, in either language', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const wide: string[] = [];
    for (const lang of ['', 'ko/']) {
      for (const k of [...KINDS, 'metrics/faithfulness-correlation/']) {
        await page.goto(new URL(`${lang}${k}`, pub.url).href);
        const { sw, w } = await page.evaluate(() => {
          const d = document.documentElement;
          return { sw: d.scrollWidth, w: d.clientWidth };
        });
        if (sw > w) wide.push(`${lang}${k}: ${sw} px`);
      }
    }
    expect(wide).toEqual([]);
    await page.close();
  }, 300_000);

  it('folds the per-task sections of a metric page (first open), and a link to a task opens its fold', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(new URL('ko/metrics/mprt/', pub.url).href);
    const folds = page.locator('details[data-task-fold]');
    expect(await folds.count()).toBeGreaterThan(10);
    expect(await page.locator('details[data-task-fold][open]').count()).toBe(1);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(30_000);
    await page.goto(new URL('metrics/mprt/#t-iris-mlp', pub.url).href);
    expect(await page.locator('#t-iris-mlp').getAttribute('open')).not.toBeNull();
    await page.close();
  });
});

describe('pictures', () => {
  it('draws an interval chart per task on metric pages, with the best and its ties marked', async () => {
    const lb = JSON.parse(readFileSync(join(ROOT, 'data', 'leaderboard', 'leaderboard.json'), 'utf8')) as import('../../leaderboard/types.js').Leaderboard;
    const board = lb.tasks.find((t) => t.task === 'breast-cancer-mlp')!.metrics.find((m) => m.metric === 'faithfulness-correlation')!;
    const best = board.entries.find((e) => e.rank === 1)!;
    const ranked = new Set(board.entries.filter((e) => e.rank !== null).map((e) => e.explainer));
    const page = await browser.newPage();
    await page.goto(new URL('metrics/faithfulness-correlation/', pub.url).href);
    const chart = page.locator('#t-breast-cancer-mlp svg[data-interval-chart]');
    expect(await chart.locator('title').textContent()).toContain('breast-cancer-mlp');
    expect(await chart.locator('desc').textContent()).toContain(best.explainer);
    // Filled rows: the best and those tied with it that are ranked; every row with a mean is drawn.
    expect(await chart.locator('g.ic-top').count()).toBe(1 + best.tiedWith.filter((e) => ranked.has(e)).length);
    expect(await chart.locator('g[class^=ic-]').count()).toBe(board.entries.filter((e) => e.mean !== null).length);
    await page.close();
  });

  it('draws task × explainer heat maps per criterion and the metric-agreement heat map, each with a table', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('metrics/', pub.url).href);
    expect(await page.locator('svg[data-heatmap]').count()).toBeGreaterThan(4);
    expect(await page.locator('figure.heatmap details table').count()).toBe(await page.locator('svg[data-heatmap]').count());
    await page.goto(new URL('ko/metric-quality/', pub.url).href);
    expect(await page.locator('svg[data-heatmap]').count()).toBeGreaterThan(0);
    expect(await page.locator('svg[data-heatmap] title').first().textContent()).toMatch(/지표 사이의 일치도/);
    await page.close();
  });

  it('shows one trade-off chart at a time: a default and links without JavaScript, a select with it', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const plain = await ctx.newPage();
    await plain.goto(new URL('map/', pub.url).href);
    const visible = () => plain.locator('.map-one:visible');
    expect(await visible().count()).toBe(1);
    expect(await plain.locator('[data-map-links] a').count()).toBe(await plain.locator('.map-one').count());
    await plain.locator('[data-map-links] a', { hasText: /^iris-mlp$/ }).click();
    expect(await visible().count()).toBe(1);
    expect(await visible().getAttribute('id')).toBe('map-iris-mlp');
    await ctx.close();
    const page = await browser.newPage();
    await page.goto(new URL('map/', pub.url).href);
    expect(await page.locator('[data-map-links]').isVisible()).toBe(false);
    await page.selectOption('[data-map-select]', 'map-wine-mlp');
    await page.waitForURL(/#map-wine-mlp$/);
    expect(await page.locator('.map-one:visible').getAttribute('id')).toBe('map-wine-mlp');
    await page.close();
  });
});
