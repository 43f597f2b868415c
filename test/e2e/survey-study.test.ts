/**
 * A rating study end to end through the built CLI: `survey make` from the shared smoke run, `survey
 * serve`, a pupil rating in Korean in a real browser (consent, SSA, a pairwise item, a dialogue of
 * several turns, a questionnaire), `survey export`, then `survey score` on the exported folder. Also:
 * the server killed mid-study and restarted loses no submitted answer; 20 raters at once lose nothing;
 * request limits, the admin token and blinding; on a shared tablet, "not me / new rater", and the flags
 * --allow-host and --max-new-raters.
 */
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.js';
import { cli, cliAsync } from './cli.js';
import { ScriptedRater } from './survey-rater.js';

const smoke = inject('smoke');
const work = mkdtempSync(join(tmpdir(), 'xai-bench-study-'));
const packet = join(work, 'packet');
const METHODS = ['gradient', 'lime'];
const servers: ChildProcess[] = [];

interface Served {
  proc: ChildProcess;
  url: string;
  token: string;
}

/** Starts `survey serve` on a free port and waits for the address and token it prints. */
async function serve(db: string, flags: string[] = []): Promise<Served> {
  const proc = cliAsync(['survey', 'serve', '--packet', packet, '--db', db, '--port', '0', ...flags]);
  servers.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${out} ${err}`)), 60_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /rating app: (\S+)/.exec(out)?.[1];
      const token = /admin token: (\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        ok({ proc, url, token });
      }
    });
    proc.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
}

function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  // No field of these files holds a comma except response_raw, which is never quoted with one here.
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

beforeAll(() => {
  expect(smoke.code, smoke.stderr).toBe(0);
  const r = cli(['survey', 'make', '--run', smoke.dir, '--out', packet, '--methods', METHODS.join(','), '--tasks', 'mnist-cnn', '--items', '1', '--pairs', '1', '--seed', '3', '--study', 'e2e-study']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/packet e2e-study: 4 items \(2 controls\), 1 pairs, 2 dialogues/);
});

afterAll(() => {
  for (const p of servers) if (p.exitCode === null) p.kill('SIGKILL');
});

describe('survey make', () => {
  it('writes a blinded packet: items.csv with sha256 of each artifact, controls, no method name in what raters get', () => {
    const items = csvRows(join(packet, 'items.csv'));
    expect(items.map((i) => i.method_id).sort()).toEqual(['control-constant', 'control-random', 'gradient', 'lime']);
    expect(items.every((i) => /^it-\d{4}$/.test(i.item_id) && /^[0-9a-f]{64}$/.test(i.artifact_sha256))).toBe(true);
    const again = join(work, 'packet-again');
    expect(cli(['survey', 'make', '--run', smoke.dir, '--out', again, '--methods', METHODS.join(','), '--tasks', 'mnist-cnn', '--items', '1', '--pairs', '1', '--seed', '3', '--study', 'e2e-study']).code).toBe(0);
    expect(readFileSync(join(again, 'packet.json'), 'utf8')).toBe(readFileSync(join(packet, 'packet.json'), 'utf8'));
    const p = JSON.parse(readFileSync(join(packet, 'packet.json'), 'utf8'));
    // The dialogue's menu is answered from the run's examples explainers.
    const d = p.dialogues[0];
    expect(d.answers.similar.text.en).toMatch(/training examples most similar/);
    expect(d.answers.change.text.en).toMatch(/smallest change found|No change within the search budget/);
    expect(d.answers.similar.picture.file).toMatch(/^artifacts\/d-\d{4}-similar\.png$/);
  });

  it('rejects a bad flag with exit 2 naming it', () => {
    const r = cli(['survey', 'make', '--run', smoke.dir, '--out', join(work, 'bad'), '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang fr: expected ko or en/);
  });
});

describe('a pupil rates the packet in Korean in a browser, then export and score', () => {
  let browser: Browser;
  let served: Served;
  const db = join(work, 'browser.sqlite');

  beforeAll(async () => {
    served = await serve(db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    served?.proc.kill('SIGTERM');
  });

  it('rates everything, exports the study files and scores SSA, questionnaire, preference and CPS', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
    // Every button submits a form (or follows a link): wait for the next page before reading it.
    const submit = async (target: ReturnType<typeof page.getByRole>) => {
      await Promise.all([page.waitForEvent('framenavigated'), target.click()]);
      await page.waitForLoadState('load');
    };
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await submit(page.getByRole('link', { name: '한국어로 시작하기' }));
    await page.getByLabel('참여하는 것에 동의해요', { exact: false }).check();
    await page.getByLabel('나는 어린이이고', { exact: false }).check();
    await page.getByLabel('학년 (선택)').selectOption('4');
    await submit(page.getByRole('button', { name: '시작하기' }));
    const code = (await page.locator('#rater-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{6}$/);
    await submit(page.getByRole('link', { name: '시작해요' }));
    const seen = { sensible: 0, specific: 0, pair: 0, turns: 0, likert: 0 };
    for (let step = 0; step < 60; step++) {
      const html = await page.content();
      expect(html).toContain('lang="ko"');
      for (const m of METHODS) expect(html.toLowerCase()).not.toContain(m);
      if (await page.locator('#done').count()) break;
      const kind = await page.locator('input[name=kind]').getAttribute('value');
      expect(await page.locator('progress').count()).toBe(1);
      if (kind === 'ssa') {
        const q = await page.locator('input[name=question]').getAttribute('value');
        seen[q as 'sensible' | 'specific']++;
        await submit(page.getByRole('button', { name: seen.sensible % 2 === 0 && q === 'sensible' ? '아니요' : '네', exact: true }));
      } else if (kind === 'pair') {
        seen.pair++;
        await submit(page.getByRole('button', { name: '왼쪽' }));
      } else if (kind === 'dialogue') {
        for (const q of ['왜?', '무엇이 가장 중요했어?', '비슷한 예를 보여 줘', '무엇이 바뀌면 답이 달라져?', '얼마나 확신해?']) {
          await submit(page.getByRole('button', { name: q }));
          seen.turns++;
        }
        // Every turn is on the page, pictures included.
        expect(await page.locator('.turn').count()).toBe(1 + 2 * 5);
        expect(await page.locator('.turn img').count()).toBeGreaterThanOrEqual(2);
        await submit(page.getByRole('button', { name: '다 했어요' }));
      } else if (kind === 'likert') {
        seen.likert++;
        await submit(page.getByRole('button', { name: '그런 편이다' }));
      } else throw new Error(`unexpected step ${kind}`);
    }
    expect(await page.locator('#done').textContent()).toContain('답이 저장되었어요');
    expect(seen).toMatchObject({ sensible: 4, pair: 1, turns: 5, likert: 8 });

    // The next pupil on this tablet: "not me", a confirmation, then the consent page without the cookie.
    await submit(page.getByRole('link', { name: '내가 아니에요: 새로 시작하기' }));
    expect(await page.locator('h1').textContent()).toBe('새로 시작할까요?');
    await submit(page.getByRole('button', { name: '네, 새로 시작할게요' }));
    expect(new URL(page.url()).pathname).toBe('/start');
    expect(await page.locator('h1').textContent()).toBe('시작하기 전에');
    expect((await page.context().cookies()).filter((c) => c.name === 'xbr')).toEqual([]);
    await page.goto(served.url);
    expect(await page.locator('#done').count()).toBe(0);
    expect(errors).toEqual([]);

    // Export while the server runs (WAL), then score.
    const study = join(work, 'study');
    const ex = cli(['survey', 'export', '--db', db, '--out', study]);
    expect(ex.code, ex.stderr).toBe(0);
    const sessions = csvRows(join(study, 'sessions.csv'));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ n_user_msgs: '5', n_system_msgs: '6', n_turns: '5', ended_by: 'user', language: 'ko' });
    const likert = csvRows(join(study, 'likert_ratings.csv'));
    expect(likert.map((r) => r.question_id)).toEqual(Array.from({ length: 8 }, (_, i) => `ESS-${i + 1}`));
    expect(likert.every((r) => r.response === '4' && r.response_raw === '그런 편이다')).toBe(true);
    const pairs = csvRows(join(study, 'pairwise_prefs.csv'));
    expect(pairs).toHaveLength(1);
    expect(pairs[0].outcome).toBe(pairs[0].shown_left);
    const raters = csvRows(join(study, 'raters.csv'));
    expect(raters).toHaveLength(1);
    expect(raters[0]).toMatchObject({ consent: '1', assent: '1', grade: '4', language: 'ko', rater_pool: 'pupil' });

    const scoredDir = join(work, 'scored');
    const sc = cli(['survey', 'score', study, '--out', scoredDir, '--resamples', '200']);
    expect(sc.code, sc.stderr).toBe(0);
    const human = JSON.parse(readFileSync(join(scoredDir, 'human.json'), 'utf8'));
    const metricsOf = (method: string) => [...human.methods, ...human.controls]
      .find((m: { method: string }) => m.method === method)?.values.map((v: { metric: string }) => v.metric) ?? [];
    const all = new Set(METHODS.flatMap(metricsOf));
    for (const m of ['ssa', 'sensibleness', 'specificity', 'ess', 'bt_strength', 'cps']) expect(all, m).toContain(m);
    expect(metricsOf('control-constant')).toContain('ssa');
    const cps = human.methods.flatMap((m: { values: { metric: string; value: number }[] }) => m.values).find((v: { metric: string }) => v.metric === 'cps');
    expect(cps.value).toBe(5);
  });
});

describe('durability and concurrency', () => {
  it('loses no submitted answer when the server is killed mid-study and restarted', async () => {
    const db = join(work, 'kill.sqlite');
    let s = await serve(db);
    const rater = new ScriptedRater(s.url);
    await rater.start();
    for (let i = 0; i < 5; i++) await rater.step();
    const before = { ...rater.log };
    s.proc.kill('SIGKILL');
    await new Promise((r) => s.proc.once('exit', r));
    s = await serve(db);
    const again = new ScriptedRater(s.url);
    await again.resume(rater.log.code);
    await again.finish();
    s.proc.kill('SIGTERM');
    const study = join(work, 'kill-study');
    expect(cli(['survey', 'export', '--db', db, '--out', study]).code).toBe(0);
    const ssa = csvRows(join(study, 'ssa_ratings.csv')).filter((r) => r.label !== '');
    // Every SSA answer from before the kill is there, plus the ones after; nothing was asked twice.
    expect(before.ssa).toBe(5);
    expect(ssa).toHaveLength(before.ssa + again.log.ssa);
    expect(new Set(ssa.map((r) => `${r.item_id}|${r.question}`)).size).toBe(ssa.length);
  });

  it('takes 20 raters submitting at once on loopback without losing an answer', async () => {
    const db = join(work, 'many.sqlite');
    const s = await serve(db);
    const raters = Array.from({ length: 20 }, () => new ScriptedRater(s.url, 'en'));
    const t0 = Date.now();
    await Promise.all(raters.map(async (r, i) => {
      await r.start(`g${i % 4}`);
      await r.finish();
    }));
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeLessThan(60);
    // Safety: admin token, size limit, validation.
    expect((await fetch(new URL('/admin', s.url))).status).toBe(403);
    const admin = await fetch(new URL(`/admin?token=${s.token}`, s.url));
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('raters');
    const csv = await fetch(new URL('/admin/export/ssa_ratings.csv', s.url), { headers: { authorization: `Bearer ${s.token}` } });
    expect(csv.status).toBe(200);
    const big = await fetch(new URL('/start', s.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `lang=en&consent=1&x=${'a'.repeat(20_000)}` }).catch(() => null);
    expect(big === null || big.status === 413).toBe(true);
    const bad = await fetch(new URL('/answer', s.url), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: raters[0].cookie }, body: 'kind=ssa&item=it-9999&question=sensible&label=1' });
    expect(bad.status).toBe(400);
    const probe = await fetch(new URL('/start?lang=en&group=%3Cscript%3E', s.url));
    expect(await probe.text()).not.toContain('<script>');
    const study = join(work, 'many-study');
    expect(cli(['survey', 'export', '--db', db, '--out', study]).code).toBe(0);
    const sum = (k: 'ssa' | 'pairs' | 'turns' | 'likert' | 'sessionsEnded') => raters.reduce((a, r) => a + r.log[k], 0);
    expect(csvRows(join(study, 'raters.csv'))).toHaveLength(20);
    expect(csvRows(join(study, 'ssa_ratings.csv')).filter((r) => r.label !== '')).toHaveLength(sum('ssa'));
    expect(csvRows(join(study, 'pairwise_prefs.csv'))).toHaveLength(sum('pairs'));
    expect(csvRows(join(study, 'likert_ratings.csv'))).toHaveLength(sum('likert'));
    expect(csvRows(join(study, 'dialogue_turns.csv'))).toHaveLength(sum('turns'));
    expect(csvRows(join(study, 'sessions.csv'))).toHaveLength(sum('sessionsEnded'));
    expect(cli(['survey', 'score', study, '--out', join(work, 'many-scored'), '--resamples', '100']).code).toBe(0);

    s.proc.kill('SIGTERM');
  });
});

describe('survey serve on a shared tablet: its flags', () => {
  it('takes --allow-host and --max-new-raters, and refuses a bad value in one line (exit 2) before touching --db', async () => {
    const db = join(work, 'tablet.sqlite');
    const s = await serve(db, ['--allow-host', 'classroom.local', '--max-new-raters', '2']);
    const post = (headers: Record<string, string>) =>
      fetch(new URL('/start', s.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'lang=en&consent=1' });
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: new URL(s.url).origin })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    const wait = await post({});
    expect(wait.status).toBe(429);
    expect(await wait.text()).toContain('Please wait a moment');
    expect(await (await fetch(new URL(`/admin?token=${s.token}`, s.url))).text()).toContain('1 new rater was asked to wait');
    s.proc.kill('SIGTERM');
    for (const [flag, value, message] of [
      ['--allow-host', 'bad host!', /--allow-host 'bad host!': expected a host name/],
      ['--max-new-raters', '0', /--max-new-raters 0: expected an integer >= 1/],
    ] as const) {
      const fresh = join(work, `never-${flag.slice(2)}.sqlite`);
      const r = cli(['survey', 'serve', '--packet', packet, '--db', fresh, '--port', '0', flag, value]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(fresh)).toBe(false);
    }
  });
});
