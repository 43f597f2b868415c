/**
 * The high-stakes page in a real browser (Debian chromium via playwright-core), English and Korean,
 * built from a run of the hiring pair and the three real high-stakes tasks: every scenario shows the
 * measured effect, detection scores, attribution shares, group gaps and the derived requirements with
 * their rules, with the numbers of the run's leaderboard.json `protected` section; the navigation and
 * the guide link to it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Leaderboard } from '../../leaderboard/types.js';
import { serveStatic } from '../../site/builder/serve.js';
import { findRejected } from '../../site/src/lib/glossary.js';
import { launchChromium, openPage } from './browser.js';
import { cli } from './cli.js';

let server: Server;
let base: string;
let browser: Browser;
let lb: Leaderboard;
const dialogs: string[] = [];
const TASKS = ['hiring-biased-mlp', 'hiring-fair-mlp', 'german-credit-mlp', 'hmda-mlp', 'credit-data-mlp'];

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), 'xai-bench-site-high-stakes-'));
  const run = join(work, 'run');
  const r = cli(['run', '--profile', 'smoke', '--tasks', TASKS.join(','), '--explainers', 'kernel-shap,random', '--samples', '8',
    '--out', run, '--jobs', '1', '--quiet'], { timeoutMs: 300_000 });
  expect(r.code, r.stderr).toBe(0);
  lb = JSON.parse(readFileSync(join(run, 'leaderboard.json'), 'utf8')) as Leaderboard;
  const site = join(work, 'site');
  const s = cli(['site', '--from', run, '--out', site, '--quiet'], { timeoutMs: 300_000 });
  expect(s.code, s.stderr).toBe(0);
  ({ server, url: base } = await serveStatic(site, 0));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

// The site's number format (site/src/lib/format.ts, compiled by Astro, not by tsc), restated.
function fmt(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a !== 0 && a < 0.001) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}
const fmtCi = (ci: readonly [number, number] | null): string => (ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '');
const iv = (v: { estimate: number; ci: readonly [number, number] | null }) => `${fmt(v.estimate)} ${fmtCi(v.ci)}`;

describe('high-stakes page', () => {
  for (const [lang, prefix, title] of [['en', '', 'High-stakes decisions'], ['ko', '/ko', '고위험 결정']] as const) {
    it(`shows the run's protected evidence in ${lang}`, async () => {
      const ev = lb.protected!;
      expect(ev.tasks.map((t) => t.task).sort()).toEqual([...TASKS].sort());
      const { page, errors } = await openPage(browser, base, `${prefix}/high-stakes/`, dialogs);
      expect(await page.locator('h1').innerText()).toBe(title);
      expect(await page.locator('section[data-scenario]').evaluateAll((s) => s.map((x) => x.getAttribute('data-scenario')))).toEqual(
        ['hiring', 'german-credit', 'hmda', 'credit-data'],
      );
      // Every level effect of every task, with its interval, as the JSON has it.
      for (const t of ev.tasks) {
        for (const l of t.effect.levels) {
          const row = page.locator(`tr[data-task="${t.task}"][data-level="${l.level}"]`);
          expect(await row.locator('[data-log-odds]').innerText()).toBe(iv(l.logOdds));
          expect(await row.locator('[data-probability]').innerText()).toBe(iv(l.probability));
        }
      }
      // The favourable class in the page's language (core/korean-words.ts): 'good' is 우량 on the Korean page.
      const header = page.locator('section[data-scenario="german-credit"] thead th').nth(2);
      expect(await header.innerText()).toBe(lang === 'ko' ? 'P(우량)의 변화' : 'Change in P(good)');
      for (const d of ev.detection) {
        expect(await page.locator(`table[data-detection] tr[data-explainer="${d.explainer}"] [data-score]`).innerText()).toBe(iv(d.score));
      }
      expect(ev.detection.map((d) => d.explainer)).toEqual(['kernel-shap', 'random']);
      const share = lb.tasks.find((t) => t.task === 'german-credit-mlp')!.metrics.find((m) => m.metric === 'protected-attribution-share')!.entries
        .find((e) => e.explainer === 'kernel-shap')!;
      expect(await page.locator('table[data-shares="german-credit"] tr[data-explainer="kernel-shap"] [data-share]').innerText())
        .toBe(`${fmt(share.mean)} ${fmtCi(share.ci)}`);
      // Requirements: each derived one is shown with its rule's text in the page's language.
      const shown = await page.locator('li[data-rule]').allInnerTexts();
      const scenarioReqs = ev.requirements.filter((r) => r.rule !== 'audit-explainers');
      expect(shown).toHaveLength(scenarioReqs.length);
      for (const r of scenarioReqs) expect(shown.some((x) => x.includes(r.text[lang]) && x.includes(r.ruleText[lang]))).toBe(true);
      const dependence = ev.requirements.find((r) => r.rule === 'dependence' && r.subject === 'hiring-biased-mlp');
      expect(dependence, 'the biased hiring model depends on gender').toBeDefined();
      const audit = ev.requirements.find((r) => r.rule === 'audit-explainers')!;
      expect(await page.locator('[data-audit]').innerText()).toContain(audit.text[lang]);
      // Reached from the navigation and from the guide's high-stakes use case.
      expect(await page.locator(`nav a[href="${prefix}/high-stakes/"][aria-current="page"]`).count()).toBe(1);
      const guide = await openPage(browser, base, `${prefix}/guide/`, dialogs);
      expect(await guide.page.locator(`[data-high-stakes-link] a[href="${prefix}/high-stakes/"]`).count()).toBe(1);
      if (lang === 'ko') expect(findRejected(await page.locator('main').innerText())).toEqual([]);
      expect([...errors, ...guide.errors]).toEqual([]);
      expect(dialogs).toEqual([]);
      await guide.page.close();
      await page.close();
    });
  }
});
