/**
 * The gallery of the structured explanation families in a real browser. The shared smoke run has no
 * rules, concept-path or generated-examples task, so this file makes its own small real run (three
 * tasks, one explainer each, two inputs, the seconds metric only; about half a minute), plants an XSS
 * probe in one rule's text, builds the site through the CLI and checks: the rules gallery lists the
 * whole rule set and the rule that fired; the knowledge-graph drawing has every graph node and the
 * highlighted path edges are graph edges; the latent tree picture is referenced and served.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeGraph, type GraphData } from '../../datasets/knowledge-graph/graph.js';
import { validate } from '../../core/schemas.js';
import { buildGallery } from '../../site/builder/gallery.js';
import { serveStatic } from '../../site/builder/serve.js';
import { launchChromium, openPage } from './browser.js';
import { cli } from './cli.js';

const PROBE = '<img src=x onerror=alert(1)>';

interface RulesLine {
  sampleIds: string[];
  explanations: { rule: number | null }[];
  global: { rules: unknown[]; defaultClass: string; text: { en: string; ko: string } };
}
interface PathLine {
  sampleIds: string[];
  explanations: { paths: string[][] }[];
}

let run: string;
let siteDir: string;
let server: Server;
let base: string;
let browser: Browser;
const dialogs: string[] = [];

const lines = <T>(path: string): T[] => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);

const open = (path: string) => openPage(browser, base, path, dialogs);

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'xai-bench-gallery-'));
  run = join(work, 'run');
  const r = cli(
    ['run', '--profile', 'quick', '--tasks', 'iris-mlp,zsl-u27,mnist-vae', '--explainers', 'deepred,zero-shot-kg,generative-boundaries', '--metrics', 'seconds', '--samples', '2', '--jobs', '1', '--quiet', '--out', run],
    { timeoutMs: 300_000 },
  );
  expect(r.code, r.stderr).toBe(0);
  // The probe goes into the rule set's English text (a string from results, as a plugin could write it).
  const rulesFile = join(run, 'explanations', 'iris-mlp', 'deepred.jsonl');
  const planted = readFileSync(rulesFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const line = JSON.parse(l) as RulesLine;
      const en = line.global.text.en.split('\n');
      en[0] = `${en[0]} ${PROBE}`;
      return JSON.stringify({ ...line, global: { ...line.global, text: { ...line.global.text, en: en.join('\n') } } });
    });
  writeFileSync(rulesFile, `${planted.join('\n')}\n`);
  siteDir = join(work, 'site');
  const s = cli(['site', '--from', run, '--out', siteDir, '--quiet'], { timeoutMs: 300_000 });
  expect(s.code, s.stderr).toBe(0);
  ({ server, url: base } = await serveStatic(siteDir, 0));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the explanations a run writes for the structured families', () => {
  it('validate line by line against the explanation schema (rules, concept paths, generated examples)', () => {
    const files = ['iris-mlp/deepred', 'zsl-u27/zero-shot-kg', 'mnist-vae/generative-boundaries'];
    for (const f of files) {
      const recs = lines<{ family: string }>(join(run, 'explanations', `${f}.jsonl`));
      expect(recs.length, f).toBeGreaterThan(0);
      for (const rec of recs) expect(validate('explanation', rec), f).toEqual([]);
    }
  });
});

describe('the gallery of structured explanations', () => {
  it('indexes every task of the run, one page each, in both languages', async () => {
    for (const prefix of ['', '/ko']) {
      const { page, errors } = await open(`${prefix}/gallery/`);
      const links = await page.$$eval('table[data-gallery-index] a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.sort()).toEqual(['iris-mlp', 'mnist-vae', 'zsl-u27'].map((t) => `${prefix}/gallery/${t}/`));
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('lists the whole rule set (every rule, then the default), marks the rule that fired per input, and shows the probe as text', async () => {
    const line = lines<RulesLine>(join(run, 'explanations', 'iris-mlp', 'deepred.jsonl'))[0];
    const fired = new Map(lines<RulesLine>(join(run, 'explanations', 'iris-mlp', 'deepred.jsonl')).flatMap((l) => l.sampleIds.map((id, i) => [id, l.explanations[i].rule] as const)));
    // The data the site is built from.
    const data = buildGallery(run).tasks.find((t) => t.task === 'iris-mlp')!;
    const rs = data.ruleSets!.find((r) => r.explainer === 'deepred')!;
    expect(rs.rules).toHaveLength(line.global.rules.length);
    expect(rs.defaultClass).toBe(line.global.defaultClass);
    expect([...rs.rules.map((r) => r.text.ko), rs.otherwise.ko].join('\n')).toBe(line.global.text.ko);

    for (const lang of ['en', 'ko'] as const) {
      const { page, errors } = await open(`${lang === 'ko' ? '/ko' : ''}/gallery/iris-mlp/`);
      const table = page.locator('table[data-rules="deepred"]');
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ rule: (tr as HTMLElement).dataset.rule, text: (tr as HTMLTableRowElement).cells[1].textContent })));
      expect(rows.map((r) => r.rule)).toEqual([...line.global.rules.map((_, i) => String(i)), 'default']);
      expect(rows.map((r) => r.text).join('\n')).toBe(line.global.text[lang]);
      for (const [id, rule] of fired) {
        // Each input's row names the rule that fired, and the rule set's row links back to the input.
        expect(await page.locator(`[data-sample="${id}"] [data-cell="deepred"] [data-fired]`).getAttribute('data-fired')).toBe(rule === null ? 'default' : String(rule));
        const row = table.locator(`tbody tr[data-rule="${rule === null ? 'default' : rule}"]`);
        expect(await row.locator(`a[href="#s-${id}"]`).count(), id).toBe(1);
      }
      if (lang === 'ko') expect(await page.locator('main').innerText()).toMatch(/규칙 \d+개/);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      if (lang === 'en') expect(await table.innerText()).toContain(PROBE);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(dialogs).toEqual([]);
  });

  it('draws the knowledge graph with every node, and highlights each input’s concept paths on graph edges', async () => {
    const catalog = JSON.parse(readFileSync(join(run, 'catalog.json'), 'utf8')) as { knowledgeGraphs: Record<string, GraphData> };
    const graph = new KnowledgeGraph(catalog.knowledgeGraphs['digit-shapes']);
    const edgeKeys = new Set(graph.data.edges.map((e) => `${e.from}|${e.rel}|${e.to}`));
    const explained = lines<PathLine>(join(run, 'explanations', 'zsl-u27', 'zero-shot-kg.jsonl')).flatMap((l) => l.sampleIds.map((id, i) => [id, l.explanations[i].paths] as const));
    for (const lang of ['en', 'ko'] as const) {
      const { page, errors } = await open(`${lang === 'ko' ? '/ko' : ''}/gallery/zsl-u27/`);
      const full = page.locator('svg[data-kg="kg-full"]');
      expect(await full.getAttribute('role')).toBe('img');
      expect((await full.locator(':scope > title').textContent())!.length).toBeGreaterThan(0);
      const nodes = await full.locator('[data-node]').evaluateAll((gs) => gs.map((g) => (g as SVGElement).dataset.node));
      expect(nodes.sort()).toEqual(graph.data.nodes.map((n) => n.id).sort());
      expect(await full.locator('[data-edge]').count()).toBe(graph.data.edges.length);
      // The graph's text alternative lists every edge.
      expect(await page.locator('table[data-kg-edges] tbody tr').count()).toBe(graph.data.edges.length);
      let highlighted = 0;
      for (const [id, paths] of explained) {
        const block = page.locator(`[data-sample="${id}"] [data-concept-path]`);
        const drawn = await block.locator('svg [data-highlight]').evaluateAll((ps) => ps.map((p) => (p as SVGElement).dataset.edge!));
        for (const key of drawn) expect(edgeKeys.has(key), key).toBe(true);
        // Exactly the recorded paths' steps are highlighted, and each recorded path is a walk on the graph.
        const steps = new Set<string>();
        for (const p of paths) {
          expect(graph.pathValid(p), p.join(' ')).toBe(true);
          for (let i = 0; i + 2 < p.length; i += 2) {
            const fwd = edgeKeys.has(`${p[i]}|${p[i + 1]}|${p[i + 2]}`) ? `${p[i]}|${p[i + 1]}|${p[i + 2]}` : null;
            const back = graph.data.edges.find((e) => e.from === p[i + 2] && e.to === p[i]);
            steps.add(fwd ?? `${back!.from}|${back!.rel}|${back!.to}`);
          }
        }
        expect(new Set(drawn)).toEqual(steps);
        // The text alternative: one table row per step.
        expect(await block.locator('table[data-path-steps] tbody tr').count()).toBe(paths.reduce((n, p) => n + (p.length - 1) / 2, 0));
        highlighted += drawn.length;
      }
      expect(highlighted).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows the latent tree beside the sample grid, with alt text, and serves the picture', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const { page, errors } = await open(`${lang === 'ko' ? '/ko' : ''}/gallery/mnist-vae/`);
      const trees = page.locator('[data-cell="generative-boundaries"] img[data-tree]');
      expect(await trees.count()).toBe(2);
      for (const img of await trees.all()) {
        const src = (await img.getAttribute('src'))!;
        expect(src).toMatch(/^\/artifacts\/mnist-vae\/generative-boundaries\/test-\d+-tree\.png$/);
        expect(existsSync(join(run, src))).toBe(true);
        expect(existsSync(join(siteDir, src))).toBe(true);
        expect((await fetch(new URL(src, base))).status).toBe(200);
        expect(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
        const alt = (await img.getAttribute('alt'))!;
        expect(alt).toMatch(lang === 'ko' ? /트리/ : /tree/);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
