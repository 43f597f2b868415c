/**
 * The leaderboard site in a real browser (playwright-core driving Debian's /usr/bin/chromium; CI
 * installs it): built through the CLI from a copy of the shared smoke run with a hostile explainer
 * name injected into its leaderboard.json, served by `serveStatic`, then checked page by page.
 * Screenshots of the main pages: `node site/screenshots.mjs SITE_DIR OUT_DIR`.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Leaderboard } from '../../leaderboard/types.js';
import { serveStatic } from '../../site/builder/serve.js';
import { launchChromium, openPage } from './browser.js';
import { cli } from './cli.js';

const PROBE = '<img src=x onerror=alert(1)>';
const smoke = inject('smoke');

/** Adds the probe as a copy of the `random` explainer's rows in every task. */
function injectProbe(lb: Leaderboard): Leaderboard {
  const rename = (e: string) => (e === 'random' ? PROBE : e);
  return {
    ...lb,
    tasks: lb.tasks.map((t) => ({
      ...t,
      explainers: [...t.explainers, PROBE],
      metrics: t.metrics.map((m) => ({
        ...m,
        entries: [...m.entries, ...m.entries.filter((e) => e.explainer === 'random').map((e) => ({ ...e, explainer: PROBE, tiedWith: e.tiedWith.map(rename) }))],
      })),
      criteria: t.criteria.map((c) => ({
        ...c,
        scores: [...c.scores, ...c.scores.filter((s) => s.explainer === 'random').map((s) => ({ ...s, explainer: PROBE }))],
      })),
    })),
    groups: lb.groups?.map((g) => {
      const copy = <T extends { explainer: string }>(xs: readonly T[]): T[] => [...xs, ...xs.filter((x) => x.explainer === 'random').map((x) => ({ ...x, explainer: PROBE }))];
      const ri = g.replicates?.explainers.indexOf('random') ?? -1;
      return {
        ...g,
        explainers: copy(g.explainers),
        criteria: g.criteria.map((c) => ({ ...c, scores: copy(c.scores) })),
        overall: copy(g.overall),
        seedStability: g.seedStability.map((d) => ({ ...d, ranks: copy(d.ranks) })),
        replicates: g.replicates && ri >= 0
          ? { ...g.replicates, explainers: [...g.replicates.explainers, PROBE], values: g.replicates.values.map((b) => [...b, b[ri]]) }
          : g.replicates,
      };
    }),
  };
}

let server: Server;
let base: string;
let browser: Browser;
let siteDir: string;
let runExplainers: string[];
let explainersOf: (task: string) => string[];
let metaOf: Leaderboard['meta'];
let attributionGroup: string[];
const dialogs: string[] = [];

const open = (path: string) => openPage(browser, base, path, dialogs);

beforeAll(async () => {
  expect(smoke.code, smoke.stderr).toBe(0);
  const work = mkdtempSync(join(tmpdir(), 'xai-bench-site-'));
  const from = join(work, 'run');
  cpSync(smoke.dir, from, { recursive: true });
  const lb = JSON.parse(readFileSync(join(from, 'leaderboard.json'), 'utf8')) as Leaderboard;
  writeFileSync(join(from, 'leaderboard.json'), JSON.stringify(injectProbe(lb)));
  // The explainers that produced results (the run lists every registered one; not all apply to smoke's tasks).
  const results = readFileSync(join(from, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { task: string; explainer: string });
  runExplainers = [...new Set(results.map((r) => r.explainer))];
  explainersOf = (task: string) => [...new Set(results.filter((r) => r.task === task).map((r) => r.explainer))];
  // The benchmark's own speed, as publish writes it: one good row per table and one malformed row.
  writeFileSync(
    join(from, 'performance.json'),
    JSON.stringify({
      measuredAt: '2026-01-02T03:04:05.000Z',
      machine: { cores: 2, node: '20.20.2' },
      engine: [{ backend: 'wasm', model: 'mnist-cnn', op: 'forward', rows: 256, rowsPerSecond: 11757 }],
      explainers: [{ backend: 'wasm', task: 'mnist-cnn', explainer: 'lime', explanationsPerSecond: 10.4, forwardPasses: 1000, gradientPasses: 0, efficiency: 0.83 }, { backend: 'wasm', task: 'broken' }],
      metrics: [{ task: 'mnist-cnn', metric: 'deletion-auc', criterion: 'fidelity', secondsPerInput: 0.0123, forwardPasses: 21, gradientPasses: 0, efficiency: 0.91 }],
      profiles: [{ profile: 'quick', jobs: 2, seconds: 71.2, peakMemoryMiB: 1530, cells: 2509, targetSeconds: 300, measuredAt: '2026-01-02T03:04:05.000Z' }],
    }),
  );
  metaOf = lb.meta;
  attributionGroup = [...(lb.groups ?? []).find((g) => g.group === 'attribution')!.overall.map((o) => o.explainer), PROBE];
  siteDir = join(work, 'site');
  const r = cli(['site', '--from', from, '--out', siteDir, '--quiet'], { timeoutMs: 300_000 });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain(siteDir);
  ({ server, url: base } = await serveStatic(siteDir, 0));
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the leaderboard site', () => {
  it('every page renders without console errors, says it is from the smoke profile, and every internal link resolves', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/ko/'];
    const problems: string[] = [];
    const files = new Set<string>();
    // One tab for the whole crawl (a new tab per page costs more than the page).
    const page = await browser.newPage();
    let current = '';
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${current}: console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(`${current}: ${d.message()}`);
      void d.dismiss();
    });
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      current = path;
      const r = await page.goto(new URL(path, base).href);
      if (!r || r.status() !== 200) problems.push(`${path}: HTTP ${r?.status()}`);
      if ((await page.locator('[data-profile-banner]').count()) !== 1) problems.push(`${path}: no profile banner`);
      else if (!/smoke/.test(await page.locator('[data-profile-banner]').innerText())) problems.push(`${path}: banner does not name the profile`);
      const hrefs = await page.$$eval('a[href], img[src], link[href], script[src]', (els) =>
        els.map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src).filter(Boolean),
      );
      for (const h of hrefs) {
        const u = new URL(h);
        if (u.origin !== new URL(base).origin) {
          if (!u.href.startsWith('data:')) problems.push(`${path}: external link ${h}`);
          continue;
        }
        if (u.pathname.endsWith('/')) queue.push(u.pathname);
        else files.add(u.pathname);
      }
    }
    await page.close();
    for (const f of files) {
      const r = await fetch(new URL(f, base), { method: 'HEAD' });
      if (r.status !== 200) problems.push(`${f}: HTTP ${r.status}`);
    }
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    // Both languages of every page kind were reached.
    for (const p of ['/explorer/', '/map/', '/methods/lime/', '/metrics/mprt/', '/gallery/', '/human/', '/metric-quality/', '/provenance/', '/differences/', '/axioms/', '/tasks/mnist-cnn/']) {
      expect(seen.has(p), p).toBe(true);
      expect(seen.has(`/ko${p}`), `/ko${p}`).toBe(true);
    }
    expect(files.has('/downloads/results.jsonl')).toBe(true);
    expect(files.has('/downloads/leaderboard.csv')).toBe(true);
  }, 300_000);

  it('shows the metrics evaluated themselves (agreement, reliability, consistency, sensitivity) in both languages', async () => {
    for (const lang of ['', '/ko']) {
      const { page, errors } = await open(`${lang}/metric-quality/`);
      const tables = page.locator('main table');
      // Agreement by criterion: one row per criterion the leaderboard summarises.
      expect(await page.locator('#agreement ~ .scroll table').first().locator('tbody tr').count()).toBe(metaOf.agreement.byCriterion.length);
      const reliable = metaOf.reliability.interSampleByMetric.filter((r) => r.meanKrippendorffAlphaOrdinal !== null);
      expect(await page.locator('section[aria-labelledby=reliability] tbody tr').count()).toBe(reliable.length);
      expect(await page.locator('section[aria-labelledby=sensitivity] tbody tr').count()).toBeGreaterThan(0);
      expect(await tables.count()).toBeGreaterThanOrEqual(4);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("shows the benchmark's own speed on the provenance page, dropping malformed rows", async () => {
    const { page, errors } = await open('/provenance/');
    const section = page.locator('section[aria-labelledby=performance]');
    const text = await section.innerText();
    expect(text).toContain('1 min 11 s');
    expect(text).toContain('1530');
    expect(text).toContain('0.83');
    expect(text).toContain('deletion-auc');
    expect(text).not.toContain('broken');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every explainer of the run (and the probe) on the leaderboard', async () => {
    const { page, errors } = await open('/');
    // One table per comparison group; explainers a group does not rank are listed under it with the reason.
    const listed = await page.$$eval('[data-group-section] tr[data-explainer], [data-group-section] [data-unranked] li[data-explainer]', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.explainer),
    );
    expect(new Set(listed)).toEqual(new Set([...runExplainers, PROBE]));
    expect(await page.locator('[data-group-section="attribution"] table').count()).toBe(1);
    for (const task of ['mnist-cnn', 'iris-mlp']) {
      const rows = await page.$$eval(`table[data-table="task:${task}"] tbody tr`, (rs) => rs.map((r) => (r as HTMLElement).dataset.explainer));
      expect(new Set(rows)).toEqual(new Set([...explainersOf(task), PROBE]));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts a table by a column, both ways', async () => {
    const { page } = await open('/');
    const table = page.locator('table[data-table="task:iris-mlp"]');
    const header = table.locator('thead th', { hasText: 'Fidelity' });
    const col = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const values = () =>
      table.locator('tbody tr').evaluateAll((rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c].dataset.value).filter((v) => v !== '').map(Number), col);
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const down = await values();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await header.locator('button').press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    await page.close();
  });

  it('moving a criteria slider (by keyboard) changes the ranking and the URL, and the URL restores it', async () => {
    const { page, errors } = await open('/explorer/');
    const rowsOf = 'section[data-group-panel="attribution"] tbody[data-ranking] tr';
    const order = () => page.$$eval(rowsOf, (rows) => rows.map((r) => (r as HTMLElement).dataset.explainer));
    // The attribution group is shown first; the other groups' panels are hidden.
    expect(await page.locator('section[data-group-panel="rules"]').isHidden()).toBe(true);
    // Only cost counts, then only fidelity: the cheapest explainers are not the most faithful.
    const others = await page.$$eval('[data-slider]:not([hidden]) input', (xs) => xs.map((x) => x.id).filter((id) => id !== 'w-cost'));
    expect(others).toContain('w-fidelity');
    for (const id of others) {
      await page.focus(`#${id}`);
      await page.keyboard.press('Home');
    }
    await page.focus('#w-cost');
    await page.keyboard.press('End');
    const byCost = await order();
    expect(page.url()).toContain('cost=5');
    expect(page.url()).toContain('fidelity=0');
    await page.keyboard.press('Home');
    await page.focus('#w-fidelity');
    await page.keyboard.press('End');
    const byFidelity = await order();
    expect(page.url()).toContain('fidelity=5');
    expect(page.url()).toContain('cost=0');
    expect(byFidelity).not.toEqual(byCost);
    expect(new Set(byFidelity)).toEqual(new Set(attributionGroup));
    expect(page.url()).toContain('group=attribution');
    const shared = page.url();
    await page.close();
    const again = await open(new URL(shared).pathname + new URL(shared).search);
    expect(await again.page.inputValue('#w-fidelity')).toBe('5');
    expect(await again.page.inputValue('#w-cost')).toBe('0');
    expect(await again.page.$$eval(rowsOf, (rows) => rows.map((r) => (r as HTMLElement).dataset.explainer))).toEqual(byFidelity);
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
  });

  it('switches language to Korean and back on the same page', async () => {
    const { page } = await open('/methods/lime/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-lang-switch]');
    await page.waitForURL('**/ko/methods/lime/');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await page.locator('nav').innerText()).toContain('리더보드');
    expect(await page.locator('main').innerText()).toContain('결정적이지 않습니다');
    await page.click('[data-lang-switch]');
    await page.waitForURL(/\/methods\/lime\/$/);
    expect(new URL(page.url()).pathname).toBe('/methods/lime/');
    await page.close();
  });

  it('renders the hostile explainer name as text everywhere it appears', async () => {
    for (const path of ['/', '/explorer/', '/tasks/mnist-cnn/', '/metrics/mprt/', '/map/']) {
      const { page, errors } = await open(path);
      expect(await page.locator('img[src="x"]').count(), path).toBe(0);
      expect(await page.locator('main').innerText(), path).toContain(PROBE);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    // In the HTML the name is text (escaped) or a quoted attribute value, never markup.
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain(PROBE);
    expect(dialogs).toEqual([]);
  });

  it('shows the functional-test matrix in both languages, and each method card its row', async () => {
    for (const [path, title, pass] of [['/axioms/', 'Functional tests', 'passes'], ['/ko/axioms/', '기능 시험', '통과']] as const) {
      const { page } = await open(path);
      expect(await page.locator('h1').innerText()).toBe(title);
      const matrix = page.locator('table[data-axioms="matrix"]');
      // One column per test, one row per attribution explainer of the registry (deeplift among them).
      expect(await matrix.locator('thead th').count()).toBe(11);
      expect(await matrix.locator('tbody th', { hasText: 'deeplift' }).count()).toBe(1);
      expect(await matrix.locator('td[data-status="pass"]').count()).toBeGreaterThan(0);
      expect(await matrix.locator('td[data-status="fail"]').count()).toBeGreaterThan(0);
      expect(await matrix.locator('td[data-status="pass"]').first().getAttribute('title')).toContain(pass);
      await page.close();
    }
    const { page } = await open('/ko/methods/lime/');
    expect(await page.locator('[data-axioms="card"] h2').innerText()).toBe('기능 시험');
    expect(await page.locator('[data-axioms="card"] tr[data-status]').count()).toBe(10);
    await page.close();
  });

  it('has a method card with measured evidence next to each claim', async () => {
    const { page } = await open('/methods/lime/');
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Not deterministic/);
    // Each claim is judged against the method's family, with the counts over tasks and the rule on the card.
    expect(main).toMatch(/run-to-run\s*:\s*supported on \d+, contradicted on \d+, inconclusive on \d+ task/);
    expect(main).toMatch(/run-to-run\s*:\s*supported on \d+[^\n]*\n(✓ supported|✗ contradicted|\? inconclusive): [^\n]*(iris-mlp|mnist-cnn)/);
    await page.close();
  });
});
