/**
 * The rating app on a shared classroom tablet (issue 24): state-changing requests only from an address
 * the server answers for (DNS rebinding, cross-site forms), a global cap on new raters per minute with a
 * friendly "wait a moment" page and an admin alert, 405 with Allow for a method a route does not take,
 * and a "not me / new rater" exit on every rater page that clears the cookie after a confirmation.
 * Runs the server in-process on a tiny hand-written packet (text items, no pictures).
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Packet, PacketItem } from '../packet.js';
import { type RunningServer, serveSurvey } from '../server.js';
import { SignUpCap } from './sign-up-cap.js';

const both = (s: string) => ({ en: s, ko: s });
const item = (id: string): PacketItem => ({
  id,
  task: 't',
  datasetId: 'd',
  modelId: 'm',
  instance: 'x',
  method: 'gradient',
  control: null,
  format: 'text',
  picture: null,
  sha256: '',
  text: both(`explanation ${id}`),
  answer: both('setosa'),
  input: { rows: [{ name: 'petal length', value: '1.4' }] },
});

const PACKET: Packet = {
  schema: 'xai-bench/survey-packet@1',
  studyId: 'tablet',
  seed: 1,
  languages: ['ko', 'en'],
  source: { runId: 'r', tasks: ['t'], methods: ['gradient'] },
  settings: { pairsPerRater: 1, instruments: ['ESS-2018-8'], maxTurns: 3, idleTimeoutS: 1800 },
  items: [item('it-0001'), item('it-0002')],
  pairs: [{ id: 'c-0001', a: 'it-0001', b: 'it-0002' }],
  dialogues: [
    {
      id: 'd-0001',
      item: 'it-0001',
      opening: both('opening'),
      input: { rows: [{ name: 'petal length', value: '1.4' }] },
      answers: { why: { text: both('w') }, most: { text: both('m') }, change: { text: both('c') }, similar: { text: both('s') }, sure: { text: both('u') } },
    },
  ],
};

const work = mkdtempSync(join(tmpdir(), 'xai-bench-tablet-'));
const packetDir = join(work, 'packet');
mkdirSync(packetDir);
writeFileSync(join(packetDir, 'packet.json'), JSON.stringify(PACKET));

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly the headers given (fetch would not let a test set Host). */
function call(s: RunningServer, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const u = new URL(s.url);
  return new Promise((ok, fail) => {
    // Content-Length always: Node sends a DELETE's body without one, which would read as a second request.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request({ host: u.hostname, port: u.port, method, path, headers: { host: u.host, ...length, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const start = (s: RunningServer, headers: Record<string, string> = {}, lang = 'ko') =>
  call(s, 'POST', '/start', { ...FORM, ...headers }, `lang=${lang}&consent=1&grade=4`);
const cookieOf = (r: Reply) => /xbr=[^;]*/.exec(String(r.headers['set-cookie'] ?? ''))?.[0] ?? '';

function count(db: string, table: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

let n = 0;
async function open(extra: Partial<Parameters<typeof serveSurvey>[0]> = {}): Promise<{ s: RunningServer; db: string }> {
  const db = join(work, `db-${++n}.sqlite`);
  const s = await serveSurvey({ packetDir, db, port: 0, host: '127.0.0.1', adminToken: 'tok', ...extra });
  servers.push(s);
  return { s, db };
}
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('Host and Origin on state-changing requests', () => {
  let s: RunningServer;
  let db: string;
  beforeAll(async () => ({ s, db } = await open({ allowHosts: ['classroom.local'] })));

  it('refuses a POST whose Host is not one the server answers for, writing nothing', async () => {
    const port = new URL(s.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `rebind.attacker.test:${port}`]) {
      const r = await start(s, { host });
      expect(r.status, host).toBe(403);
      expect(r.headers['set-cookie'], host).toBeUndefined();
    }
    expect(count(db, 'raters')).toBe(0);
  });

  it('refuses a POST whose Origin does not match its Host (another site, or "null")', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${new URL(s.url).port}`, 'https://127.0.0.1']) {
      const r = await start(s, { origin });
      expect(r.status, origin).toBe(403);
    }
    expect(count(db, 'raters')).toBe(0);
  });

  it('refuses an answer from a foreign Host even with a good cookie', async () => {
    const ok = await start(s);
    expect(ok.status).toBe(200);
    const cookie = cookieOf(ok);
    const r = await call(s, 'POST', '/answer', { ...FORM, cookie, host: 'evil.example' }, 'kind=pair&comparison=c-0001&choice=left');
    expect(r.status).toBe(403);
    expect(count(db, 'pairwise')).toBe(0);
  });

  it('accepts its own address, localhost, 127.0.0.1 and an --allow-host name, with or without a matching Origin', async () => {
    const port = new URL(s.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `classroom.local:${port}`]) {
      expect((await start(s, { host })).status, host).toBe(200);
      expect((await start(s, { host, origin: `http://${host}` })).status, host).toBe(200);
    }
    expect(count(db, 'raters')).toBe(9);
  });

  it('bound to every address (--host 0.0.0.0), answers for the machine\'s own addresses and no other', async () => {
    const { s: all, db: allDb } = await open({ host: '0.0.0.0' });
    const port = new URL(all.url).port;
    const own = Object.values(networkInterfaces()).flatMap((l) => l ?? []).filter((a) => a.family === 'IPv4');
    const via = { ...all, url: `http://127.0.0.1:${port}/` };
    const reach = (host: string) => start(via, { host });
    for (const a of own) expect((await reach(`${a.address}:${port}`)).status, a.address).toBe(200);
    expect((await reach(`203.0.113.7:${port}`)).status).toBe(403);
    expect(count(allDb, 'raters')).toBe(own.length);
  });

  it('leaves GET pages alone', async () => {
    expect((await call(s, 'GET', '/start?lang=en', { host: 'anything.example' })).status).toBe(200);
  });
});

describe('a cap on new raters per minute', () => {
  it('lets a whole class in, then asks the next one to wait (ko and en) and alerts the admin', async () => {
    const { s, db } = await open({ maxNewRatersPerMinute: 3 });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await start(s);
      expect(r.status).toBe(200);
      codes.push(cookieOf(r).slice(4));
    }
    const ko = await start(s, {}, 'ko');
    expect(ko.status).toBe(429);
    expect(ko.headers['retry-after']).toBeDefined();
    expect(ko.body).toContain('잠시만 기다려 주세요');
    expect(ko.body).toContain('name="consent" value="1"');
    expect(ko.headers['set-cookie']).toBeUndefined();
    const en = await start(s, {}, 'en');
    expect(en.status).toBe(429);
    expect(en.body).toContain('Please wait a moment');
    expect(count(db, 'raters')).toBe(3);
    // Resuming with a code is not a new rater: never capped.
    expect((await call(s, 'POST', '/resume', FORM, `lang=ko&code=${codes[0]}`)).status).toBe(303);
    const admin = await call(s, 'GET', '/admin?token=tok');
    expect(admin.body).toMatch(/class="alert"[^]*2 new raters were asked to wait/);
  });

  it('counts a sliding minute, for all addresses together', () => {
    let t = 0;
    const cap = new SignUpCap(2, () => t);
    expect([cap.take(), cap.take(), cap.take()]).toEqual([true, true, false]);
    t = 59_999;
    expect(cap.take()).toBe(false);
    t = 60_000;
    expect(cap.take()).toBe(true);
    expect(cap.refused).toBe(2);
  });
});

describe('methods', () => {
  it('answers 405 with Allow for a method a route does not take, and nothing else changes', async () => {
    const { s } = await open();
    const cases: [string, string, string][] = [
      ['PUT', '/start', 'GET, HEAD, POST'],
      ['DELETE', '/', 'GET, HEAD'],
      ['POST', '/next', 'GET, HEAD'],
      ['GET', '/answer', 'POST'],
      ['POST', '/style.css', 'GET, HEAD'],
      ['POST', '/admin', 'GET, HEAD'],
      ['PATCH', '/resume', 'GET, HEAD, POST'],
      ['PUT', '/leave', 'GET, HEAD, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const r = await call(s, method, path, FORM, 'lang=en&consent=1');
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.allow, `${method} ${path}`).toBe(allow);
    }
    expect((await call(s, 'HEAD', '/')).status).toBe(200);
    expect((await call(s, 'GET', '/nowhere')).status).toBe(404);
  });
});

describe('"not me / new rater" on a shared tablet', () => {
  it('is on every rater page, asks first, then clears the cookie and returns to the consent page', async () => {
    const { s } = await open();
    const first = await start(s);
    expect(first.body).toContain('href="/leave"');
    const cookie = cookieOf(first);
    const code = cookie.slice(4);
    // Walk the whole plan: every step page and the done page offer the exit.
    for (let i = 0; i < 40; i++) {
      const page = await call(s, 'GET', '/next', { cookie });
      expect(page.body, page.body.slice(0, 400)).toContain('href="/leave"');
      const kind = /name="kind" value="(\w+)"/.exec(page.body)?.[1];
      if (!kind) break;
      const v = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1];
      const form =
        kind === 'ssa' ? `kind=ssa&item=${v('item')}&question=${v('question')}&label=1`
        : kind === 'pair' ? `kind=pair&comparison=${v('comparison')}&choice=left`
        : kind === 'dialogue' ? `kind=dialogue&dialogue=${v('dialogue')}&turn=${v('turn')}&ask=done`
        : `kind=likert&instrument=${v('instrument')}&question=${v('question')}&response=3`;
      expect((await call(s, 'POST', '/answer', { ...FORM, cookie }, form)).status).toBe(303);
    }
    expect((await call(s, 'GET', '/next', { cookie })).body).toContain('id="done"');
    const ask = await call(s, 'GET', '/leave', { cookie });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('새로 시작할까요?');
    expect(ask.body).toMatch(/<form method="post" action="\/leave">/);
    expect(ask.body).toContain('href="/next"');
    expect(ask.headers['set-cookie']).toBeUndefined();
    const left = await call(s, 'POST', '/leave', { ...FORM, cookie }, 'confirm=1');
    expect(left.status).toBe(303);
    expect(left.headers.location).toBe('/start?lang=ko');
    expect(String(left.headers['set-cookie'])).toMatch(/^xbr=; Path=\/; .*Max-Age=0/);
    // The previous rater continues with their code, as before.
    const back = await call(s, 'POST', '/resume', FORM, `lang=ko&code=${code}`);
    expect(back.status).toBe(303);
    expect(cookieOf(back)).toBe(cookie);
  });

  it('has the exit in English too, and a POST from another site cannot log a pupil out', async () => {
    const { s } = await open();
    const cookie = cookieOf(await start(s, {}, 'en'));
    expect((await call(s, 'GET', '/leave', { cookie })).body).toContain('Start as a new rater?');
    expect((await call(s, 'GET', '/next', { cookie })).body).toContain('Not me: new rater');
    const r = await call(s, 'POST', '/leave', { ...FORM, cookie, origin: 'http://evil.example' }, 'confirm=1');
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});
