/**
 * Issue 26 end to end: a default packet from the shared smoke run (per-rater budget, K raters per
 * item, the design in design.json), then in a real browser at tablet size (820 x 1180) a full rater
 * session in Korean and one in English, start to the thank-you page, with every screen of the app
 * checked on the way (each label once, no raw class id where a translated name exists, no text key or
 * 'undefined', nothing wider than the tablet); "I want to stop" and "not me"; the admin page's coverage;
 * `survey export` writing design.json with the slots that produced the ratings.
 */
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { launchChromium } from './browser.js';
import { cli, cliAsync } from './cli.js';

const smoke = inject('smoke');
const work = mkdtempSync(join(tmpdir(), 'xai-bench-screens-'));
const packetDir = join(work, 'packet');
const TABLET = { width: 820, height: 1180 };

interface Design {
  perRater: number;
  ratersPerItem: number;
  slots: { id: string; items: string[]; pairs: string[]; dialogue: string | null }[];
}

/** What must not be on a screen: raw class ids, text keys, JavaScript leftovers. */
const RAW_KO = /\b(setosa|versicolor|virginica|negative|positive|not_hired|class_\d|malignant|benign)\b/;
const RAW_ANY = /\b(undefined|NaN|null|q_why|q_most|leaveLink|quitLink|sensibleQ|specificQ|\[object)\b/;
const LABEL = { ko: '컴퓨터의 답', en: "The computer's answer" } as const;

async function checkScreen(page: Page, lang: 'ko' | 'en', screens: Set<string>, name: string): Promise<void> {
  screens.add(name);
  const text = await page.innerText('body');
  expect(text, name).not.toMatch(RAW_ANY);
  if (lang === 'ko') expect(text, name).not.toMatch(RAW_KO);
  expect(text.split(LABEL[lang]).length - 1, `${name}: the answer label once at most`).toBeLessThanOrEqual(1);
  expect(await page.locator('h1').count(), name).toBe(1);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // No line of the page repeats its own label ("컴퓨터의 답: 컴퓨터의 답: ...").
  for (const l of lines) expect(l.split(': ').filter((part, i, all) => i > 0 && part === all[i - 1]), `${name}: ${l}`).toEqual([]);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide, `${name}: wider than the tablet`).toBeLessThanOrEqual(TABLET.width);
}

let server: ChildProcess;
let url = '';
let token = '';

async function startServer(db: string): Promise<void> {
  server = cliAsync(['survey', 'serve', '--packet', packetDir, '--db', db, '--port', '0']);
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 60_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const u = /rating app: (\S+)/.exec(out)?.[1];
      const t = /admin token: (\S+)/.exec(out)?.[1];
      if (u && t) {
        [url, token] = [u, t];
        clearTimeout(timer);
        ok();
      }
    });
  });
}

let browser: Browser;
const db = join(work, 'ratings.sqlite');

beforeAll(async () => {
  expect(smoke.code, smoke.stderr).toBe(0);
  const r = cli(['survey', 'make', '--run', smoke.dir, '--out', packetDir, '--items', '1', '--seed', '2', '--study', 'screens']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/design: \d+ rater slots of at most 2[34] items/);
  await startServer(db);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server?.exitCode === null) server.kill('SIGTERM');
});

describe('a default packet', () => {
  it('gives each rater at most the budget and every item K = 3 slots (design.json = packet.json design)', () => {
    const packet = JSON.parse(readFileSync(join(packetDir, 'packet.json'), 'utf8'));
    const design: Design = JSON.parse(readFileSync(join(packetDir, 'design.json'), 'utf8'));
    expect(design).toEqual(packet.design);
    expect(validate('survey-design', design)).toEqual([]);
    expect(design).toMatchObject({ perRater: 24, ratersPerItem: 3 });
    expect(packet.items.length).toBeGreaterThan(24);
    const count = new Map<string, number>();
    for (const s of design.slots) {
      expect(s.items.length).toBeLessThanOrEqual(24);
      for (const i of s.items) count.set(i, (count.get(i) ?? 0) + 1);
    }
    expect(packet.items.every((i: { id: string }) => count.get(i.id) === 3)).toBe(true);
    expect(packet.audience.audience).toBe('adults');
  });
});

describe('the audience', () => {
  it('children get no x0...x9 table: the synthetic task is left out with a note, or kept with a warning when named', () => {
    const run = join(work, 'synth-run');
    const made = cli(['run', '--profile', 'smoke', '--tasks', 'synth-linear-mlp,iris-mlp', '--explainers', 'gradient,occlusion', '--metrics', 'deletion-auc', '--samples', '2', '--out', run, '--jobs', '1']);
    expect(made.code, made.stderr).toBe(0);
    const kids = join(work, 'kids');
    const r = cli(['survey', 'make', '--run', run, '--out', kids, '--audience', 'children', '--items', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('note: synth-linear-mlp left out for children: its features have no names (x0, x1, x2, ...)');
    const p = JSON.parse(readFileSync(join(kids, 'packet.json'), 'utf8'));
    const rows = (i: { input: { rows?: { name: string }[] } }) => i.input.rows?.map((x) => x.name) ?? [];
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items.every((i: { task: string }) => i.task === 'iris-mlp')).toBe(true);
    expect(p.items.flatMap(rows).filter((n: string) => /^x\d+$/.test(n))).toEqual([]);
    expect(p.audience).toMatchObject({ audience: 'children', maxSentences: 1, leftOut: [{ task: 'synth-linear-mlp' }] });
    expect(p.audience.readingLevel.fleschKincaidGradeEn).toEqual(expect.any(Number));
    // One sentence of explanation for children.
    expect(p.items.every((i: { text: { en: string } }) => !/[.!?]\s+\S/.test(i.text.en))).toBe(true);
    const named = cli(['survey', 'make', '--run', run, '--out', join(work, 'kids-named'), '--audience', 'children', '--tasks', 'synth-linear-mlp']);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/warning: --tasks synth-linear-mlp: kept although children may not judge it/);
    const q = JSON.parse(readFileSync(join(work, 'kids-named', 'packet.json'), 'utf8'));
    expect(q.audience.keptAnyway).toEqual([{ task: 'synth-linear-mlp', reason: 'its features have no names (x0, x1, x2, ...)' }]);
    // Adults (the default) do not get it either; experts do.
    expect(cli(['survey', 'make', '--run', run, '--out', join(work, 'adults')]).stdout).toContain('synth-linear-mlp left out for adults');
    const ex = cli(['survey', 'make', '--run', run, '--out', join(work, 'experts'), '--audience', 'experts']);
    const tasks = JSON.parse(readFileSync(join(work, 'experts', 'packet.json'), 'utf8')).items.map((i: { task: string }) => i.task);
    expect(tasks).toContain('synth-linear-mlp');
    expect(ex.stdout).not.toContain('left out');
  }, 180_000);
});

describe('the new flags', () => {
  it('refuse bad values in one line with exit 2, writing nothing', () => {
    const out = join(work, 'never');
    for (const args of [
      ['survey', 'make', '--run', smoke.dir, '--out', out, '--audience', 'pupils'],
      ['survey', 'make', '--run', smoke.dir, '--out', out, '--per-rater', '0'],
      ['survey', 'make', '--run', smoke.dir, '--out', out, '--dialogues', '2'],
      ['survey', 'serve', '--packet', packetDir, '--db', join(out, 'x.sqlite'), '--abandon-after', '0'],
      ['survey', 'plan', '--methods', 'a', '--effect', '0.1'],
      ['survey', 'plan', '--methods', 'a,b', '--effect', '0.7'],
      ['survey', 'plan', '--methods', 'a,b', '--effect', '0.1', '--agreement', '1.5'],
      ['survey', 'plan', '--methods', 'a,b', '--effect', '0.1', '--out', join(out, 'plan.json')],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });

  it('survey plan prints a table marked simulated and writes a plan that validates', () => {
    const file = join(work, 'plan.json');
    const r = cli(['survey', 'plan', '--methods', 'a,b,c', '--effect', '0.3', '--items', '40', '--sims', '40', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\[SIMULATED\] survey plan/);
    expect(r.stdout).toMatch(/ssa\s+40 inputs\s+\d+ raters/);
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    expect(validate('survey-plan', plan)).toEqual([]);
    expect(plan).toMatchObject({ simulated: true, request: { methods: ['a', 'b', 'c'], items: 40 } });
  }, 120_000);
});

/** One rater from the home page to the thank-you page; returns the screens seen. */
async function session(lang: 'ko' | 'en'): Promise<Set<string>> {
  const ctx = await browser.newContext({ viewport: TABLET });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const screens = new Set<string>();
  const go = async (target: ReturnType<typeof page.getByRole>) => {
    await Promise.all([page.waitForEvent('framenavigated'), target.click()]);
    await page.waitForLoadState('load');
  };
  const T = lang === 'ko'
    ? { start: '한국어로 시작하기', consent: '참여하는 것에 동의해요', go: '시작하기', lets: '시작해요', yes: '네', left: '왼쪽', done: '다 했어요', why: '왜?', agree: '그런 편이다', quit: '그만할래요', keep: '아니요, 계속할게요', leave: '내가 아니에요: 새로 시작하기', saved: '답이 저장되었어요' }
    : { start: 'Start in English', consent: 'I agree to take part', go: 'Start', lets: "Let's go", yes: 'Yes', left: 'The left one', done: 'I am done', why: 'Why?', agree: 'I agree somewhat', quit: 'I want to stop', keep: 'No, keep going', leave: 'Not me: new rater', saved: 'Your answers are saved' };
  await page.goto(url);
  await checkScreen(page, lang, screens, 'home');
  await go(page.getByRole('link', { name: T.start }));
  await checkScreen(page, lang, screens, 'consent');
  await page.getByLabel(T.consent, { exact: false }).check();
  await go(page.getByRole('button', { name: T.go, exact: true }));
  await checkScreen(page, lang, screens, 'code');
  await go(page.getByRole('link', { name: T.lets }));
  let total = 0;
  for (let step = 0; step < 200; step++) {
    if (await page.locator('#done').count()) break;
    const kind = (await page.locator('input[name=kind]').getAttribute('value'))!;
    await checkScreen(page, lang, screens, kind);
    const bar = /(\d+) \/ (\d+)/.exec(await page.locator('p.muted').first().innerText())!;
    total = Number(bar[2]);
    if (step === 3) {
      // The exits, in the middle of the work: both ask first, and "no" comes back to the same step.
      for (const exit of [T.quit, T.leave]) {
        await go(page.getByRole('link', { name: exit }));
        await checkScreen(page, lang, screens, exit);
        await go(page.getByRole('link', { name: T.keep }));
      }
    }
    if (kind === 'ssa') await go(page.getByRole('button', { name: T.yes, exact: true }));
    else if (kind === 'pair') await go(page.getByRole('button', { name: T.left }));
    else if (kind === 'dialogue') {
      await go(page.getByRole('button', { name: T.why }));
      await checkScreen(page, lang, screens, 'dialogue turn');
      await go(page.getByRole('button', { name: T.done }));
    } else await go(page.getByRole('button', { name: T.agree }));
  }
  await checkScreen(page, lang, screens, 'done');
  expect(await page.locator('#done').textContent()).toContain(T.saved);
  // A realistic count: the budget's items, 3 pairs, 1 dialogue, 8 questions.
  expect(total).toBeLessThanOrEqual(24 + 3 + 1 + 8);
  expect(errors).toEqual([]);
  await ctx.close();
  return screens;
}

describe('a full rater session at tablet size', () => {
  it('in Korean: start to the thank-you page, every screen checked', async () => {
    const screens = await session('ko');
    for (const s of ['home', 'consent', 'code', 'ssa', 'pair', 'dialogue', 'likert', 'done', '그만할래요']) expect(screens).toContain(s);
  }, 300_000);

  it('in English: the same screens', async () => {
    const screens = await session('en');
    for (const s of ['home', 'consent', 'code', 'ssa', 'pair', 'dialogue', 'likert', 'done', 'I want to stop']) expect(screens).toContain(s);
  }, 300_000);

  it('"I want to stop" hands the slot on; the admin page shows coverage; export records the design and slots', async () => {
    const ctx = await browser.newContext({ viewport: TABLET });
    const page = await ctx.newPage();
    const go = async (target: ReturnType<typeof page.getByRole>) => {
      await Promise.all([page.waitForEvent('framenavigated'), target.click()]);
      await page.waitForLoadState('load');
    };
    await page.goto(new URL('/start?lang=ko', url).href);
    await page.getByLabel('참여하는 것에 동의해요', { exact: false }).check();
    await go(page.getByRole('button', { name: '시작하기', exact: true }));
    await go(page.getByRole('link', { name: '시작해요' }));
    await go(page.getByRole('button', { name: '네', exact: true }));
    await go(page.getByRole('link', { name: '그만할래요' }));
    await go(page.getByRole('button', { name: '네, 그만할게요' }));
    expect(await page.locator('h1').textContent()).toBe('고마워요! 답이 저장되었어요.');
    expect((await ctx.cookies()).filter((c) => c.name === 'xbr')).toEqual([]);
    await ctx.close();

    const admin = await (await fetch(new URL(`/admin?token=${token}`, url))).text();
    const design: Design = JSON.parse(readFileSync(join(packetDir, 'design.json'), 'utf8'));
    expect(admin).toContain(`<td id="cov-finished">2 of ${design.slots.length}</td>`);
    expect(admin).toContain('<td id="cov-abandoned">1</td>');
    expect(admin).toMatch(/<td id="cov-below-k">\d+ of \d+ \(K = 3\)<\/td>/);
    expect(admin).toMatch(/<td id="cov-needed">\d+<\/td>/);

    const study = join(work, 'study');
    const ex = cli(['survey', 'export', '--db', db, '--out', study]);
    expect(ex.code, ex.stderr).toBe(0);
    const record = JSON.parse(readFileSync(join(study, 'design.json'), 'utf8'));
    expect(validate('survey-design-record', record)).toEqual([]);
    expect(record.design.slots).toEqual(design.slots);
    const by = (a: { finished_at: string | null; abandoned_by: string | null }) => (a.finished_at ? 'finished' : a.abandoned_by);
    expect(record.assignments.map(by).sort()).toEqual(['finished', 'finished', 'quit']);
    // The quitter's slot was the third; the next rater gets it.
    expect(record.assignments.map((a: { slot: string }) => a.slot)).toEqual(design.slots.slice(0, 3).map((s) => s.id));
  }, 120_000);
});
