/**
 * `survey serve`: the rating app on Node's http. Binds to 127.0.0.1 unless told otherwise. Every
 * answer is validated against the rater's own plan (rater-plan.ts), written in one SQLite transaction,
 * and only then answered with a redirect to the next step, so what a rater has submitted survives a
 * crash, a closed tab or a restart, and a rater continues where they left off (on another device with
 * their code). Raters are pseudonymous (a random id; the cookie and the code carry a secret whose
 * sha256 is stored); no page ever shows another rater's answers. An admin token, printed at start,
 * guards the admin page and the study-file downloads. Bodies over 8 KiB are refused.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ID_PATTERN } from './cells.js';
import { studyFiles } from './export.js';
import { adminPage, codePage, consentPage, CSS, dialoguePage, donePage, homePage, likertPage, messagePage, pairPage, type Progress, resumePage, ssaPage } from './pages.js';
import { DIALOGUE_QUESTIONS, type DialogueQuestion, type Lang, LANGS, type Packet, type PacketItem, readPacket, sha256 } from './packet.js';
import { type RaterPlan, raterPlan } from './rater-plan.js';
import { bindPacket, type Db, openStudyDb } from './study-db.js';
import { AGE_BANDS, GRADES } from './ui-text.js';

export const MAX_BODY = 8 * 1024;
const COOKIE = 'xbr';
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface ServeOptions {
  readonly packetDir: string;
  readonly db: string;
  readonly port: number;
  readonly host: string;
  /** Fixed admin token (tests); default a fresh random one. */
  readonly adminToken?: string;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const now = () => new Date().toISOString();
const code = (n: number) => Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) throw new HttpError(415, 'forms only');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) throw new HttpError(413, 'request too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** One field of a form: present once, and one of `allowed` (or matching a pattern). */
function field(form: URLSearchParams, name: string, allowed: readonly string[] | RegExp): string {
  const all = form.getAll(name);
  if (all.length !== 1) throw new HttpError(400, `field ${name}`);
  const v = all[0];
  const ok = Array.isArray(allowed) ? allowed.includes(v) : (allowed as RegExp).test(v);
  if (!ok) throw new HttpError(400, `field ${name}`);
  return v;
}

const optionalField = (form: URLSearchParams, name: string, allowed: readonly string[]) => (form.get(name) ? field(form, name, allowed) : null);

export class SurveyApp {
  readonly items: ReadonlyMap<string, PacketItem>;
  private readonly pictures: ReadonlyMap<string, Buffer>;
  private readonly plans = new Map<string, RaterPlan>();

  constructor(
    readonly packet: Packet,
    readonly packetDir: string,
    readonly db: Db,
    readonly adminToken: string,
  ) {
    this.items = new Map(packet.items.map((i) => [i.id, i]));
    const files = new Set<string>();
    for (const i of packet.items) [i.picture, i.input.picture].forEach((p) => p && files.add(p.file));
    for (const d of packet.dialogues) [d.input.picture, ...Object.values(d.answers).map((a) => a.picture)].forEach((p) => p && files.add(p.file));
    // Only the packet's own pictures are served, from memory: no path from a request reaches the disk.
    this.pictures = new Map([...files].map((f) => [`/${f}`, readFileSync(join(packetDir, f))]));
  }

  plan(rater: string): RaterPlan {
    let p = this.plans.get(rater);
    if (!p) this.plans.set(rater, (p = raterPlan(this.packet, rater)));
    return p;
  }

  // ---- raters ----

  private createRater(lang: Lang, form: URLSearchParams): { id: string; code: string } {
    const group = form.get('group') ? field(form, 'group', ID_PATTERN) : null;
    const ageBand = optionalField(form, 'age_band', AGE_BANDS);
    const grade = optionalField(form, 'grade', GRADES);
    const assent = optionalField(form, 'assent', ['1']);
    const insert = this.db.prepare(
      'INSERT INTO raters (id, secret_sha256, language, consent, assent, rater_pool, age_band, grade, group_id, created_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)',
    );
    for (;;) {
      const id = code(5);
      const secret = code(6);
      try {
        insert.run(`r-${id}`, sha256(secret), lang, assent ? 1 : null, assent || grade ? 'pupil' : 'adult', ageBand, grade, group, now());
        return { id: `r-${id}`, code: `${id}-${secret}` };
      } catch (e) {
        if (!String((e as Error).message).includes('UNIQUE')) throw e;
      }
    }
  }

  /** The rater of a cookie or a typed code ("ID-SECRET"), or null. */
  raterOf(credential: string | null): { id: string; lang: Lang } | null {
    const m = credential ? /^([A-Z0-9]{5})-([A-Z0-9]{6})$/.exec(credential.trim().toUpperCase()) : null;
    if (!m) return null;
    const row = this.db.prepare('SELECT secret_sha256, language FROM raters WHERE id = ?').get(`r-${m[1]}`) as { secret_sha256: string; language: Lang } | undefined;
    if (!row || !sameSecret(row.secret_sha256, sha256(m[2]))) return null;
    return { id: `r-${m[1]}`, lang: row.language };
  }

  // ---- progress ----

  private state(rater: string) {
    const ssa = new Map<string, number>();
    for (const r of this.db.prepare('SELECT item_id, question, label FROM ssa WHERE rater_id = ?').all(rater) as { item_id: string; question: string; label: number }[]) {
      ssa.set(`${r.item_id}|${r.question}`, r.label);
    }
    const pairs = new Set((this.db.prepare('SELECT comparison_id FROM pairwise WHERE rater_id = ?').all(rater) as { comparison_id: string }[]).map((r) => r.comparison_id));
    const likert = new Set((this.db.prepare('SELECT instrument, question_id FROM likert WHERE rater_id = ?').all(rater) as { instrument: string; question_id: string }[]).map((r) => `${r.instrument}|${r.question_id}`));
    const session = this.db.prepare('SELECT id, ended_by FROM sessions WHERE rater_id = ?').get(rater) as { id: string; ended_by: string | null } | undefined;
    return { ssa, pairs, likert, session };
  }

  private progress(rater: string, plan: RaterPlan, s: ReturnType<SurveyApp['state']>): Progress {
    const ssaDone = plan.ssa.filter((i) => s.ssa.get(`${i}|sensible`) === 0 || s.ssa.has(`${i}|specific`)).length;
    const total = plan.ssa.length + plan.pairs.length + (plan.dialogue ? 1 : 0) + plan.questions.length;
    const done = ssaDone + plan.pairs.filter((p) => s.pairs.has(p.pair.id)).length + (s.session?.ended_by ? 1 : 0) + plan.questions.filter((q) => s.likert.has(`${q.instrument.name}|${q.question}`)).length;
    return { done, total };
  }

  /** The page of the rater's first unanswered step. */
  nextPage(rater: string, lang: Lang): string {
    const plan = this.plan(rater);
    const s = this.state(rater);
    const progress = this.progress(rater, plan, s);
    for (const id of plan.ssa) {
      const sensible = s.ssa.get(`${id}|sensible`);
      if (sensible === undefined) return ssaPage(lang, this.items.get(id)!, 'sensible', progress);
      if (sensible === 1 && !s.ssa.has(`${id}|specific`)) return ssaPage(lang, this.items.get(id)!, 'specific', progress);
    }
    for (const p of plan.pairs) {
      if (s.pairs.has(p.pair.id)) continue;
      const [l, r] = p.left === 'a' ? [p.pair.a, p.pair.b] : [p.pair.b, p.pair.a];
      return pairPage(lang, p.pair.id, this.items.get(l)!, this.items.get(r)!, progress);
    }
    if (plan.dialogue && !s.session?.ended_by) {
      const sessionId = this.openSession(rater, lang);
      const turns = (this.db.prepare('SELECT question FROM turns WHERE session_id = ? ORDER BY turn_index').all(sessionId) as { question: DialogueQuestion }[]).map((r) => r.question);
      return dialoguePage(lang, plan.dialogue, turns, turns.length >= this.packet.settings.maxTurns, progress);
    }
    for (const q of plan.questions) if (!s.likert.has(`${q.instrument.name}|${q.question}`)) return likertPage(lang, q, progress);
    return donePage(lang, progress);
  }

  private openSession(rater: string, lang: Lang): string {
    const plan = this.plan(rater);
    const id = `s-${rater.slice(2)}-${plan.dialogue!.id}`;
    const t = now();
    this.db.prepare('INSERT OR IGNORE INTO sessions (id, rater_id, dialogue_id, item_id, language, start_time, last_time) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, rater, plan.dialogue!.id, plan.dialogue!.item, lang, t, t);
    return id;
  }

  // ---- answers ----

  /** Validates one answer against the rater's plan and commits it. */
  answer(rater: string, lang: Lang, form: URLSearchParams): void {
    const plan = this.plan(rater);
    const kind = field(form, 'kind', ['ssa', 'pair', 'dialogue', 'likert']);
    const t = now();
    if (kind === 'ssa') {
      const item = field(form, 'item', plan.ssa);
      const question = field(form, 'question', ['sensible', 'specific']);
      const label = Number(field(form, 'label', ['0', '1']));
      const position = plan.ssa.indexOf(item) + 1;
      const upsert = this.db.prepare(
        'INSERT INTO ssa (rater_id, item_id, question, label, position, language, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rater_id, item_id, question) DO UPDATE SET label = excluded.label, timestamp = excluded.timestamp',
      );
      this.db.transaction(() => {
        if (question === 'specific') {
          const s = this.db.prepare("SELECT label FROM ssa WHERE rater_id = ? AND item_id = ? AND question = 'sensible'").get(rater, item) as { label: number } | undefined;
          if (s?.label !== 1) throw new HttpError(400, 'specific is asked only after sensible = yes');
        }
        upsert.run(rater, item, question, label, position, lang, t);
        // Changing "sensible" to no makes an earlier "specific" meaningless (protocol coupling).
        if (question === 'sensible' && label === 0) this.db.prepare("DELETE FROM ssa WHERE rater_id = ? AND item_id = ? AND question = 'specific'").run(rater, item);
      })();
    } else if (kind === 'pair') {
      const comparison = field(form, 'comparison', plan.pairs.map((p) => p.pair.id));
      const choice = field(form, 'choice', ['left', 'right', 'tie', 'skip']);
      const p = plan.pairs.find((x) => x.pair.id === comparison)!;
      const other = p.left === 'a' ? 'b' : 'a';
      const outcome = choice === 'left' ? p.left : choice === 'right' ? other : choice;
      this.db.transaction(() => {
        this.db
          .prepare(
            'INSERT INTO pairwise (rater_id, comparison_id, item_a, item_b, shown_left, outcome, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rater_id, comparison_id) DO UPDATE SET outcome = excluded.outcome, timestamp = excluded.timestamp',
          )
          .run(rater, comparison, p.pair.a, p.pair.b, p.left, outcome, t);
      })();
    } else if (kind === 'dialogue') {
      if (!plan.dialogue) throw new HttpError(400, 'no dialogue');
      field(form, 'dialogue', [plan.dialogue.id]);
      const ask = field(form, 'ask', [...DIALOGUE_QUESTIONS, 'done']);
      const turn = Number(field(form, 'turn', /^\d{1,3}$/));
      const sessionId = this.openSession(rater, lang);
      const cap = this.packet.settings.maxTurns;
      this.db.transaction(() => {
        const s = this.db.prepare('SELECT ended_by FROM sessions WHERE id = ?').get(sessionId) as { ended_by: string | null };
        if (s.ended_by) return;
        const n = (this.db.prepare('SELECT COUNT(*) AS n FROM turns WHERE session_id = ?').get(sessionId) as { n: number }).n;
        if (ask === 'done') {
          this.db.prepare("UPDATE sessions SET end_time = ?, last_time = ?, ended_by = ? WHERE id = ?").run(t, t, n >= cap ? 'cap' : 'user', sessionId);
          return;
        }
        // A resubmitted form (double tap, back button) carries a turn number already used: ignore it.
        if (turn !== n || n >= cap) return;
        this.db.prepare('INSERT INTO turns (session_id, turn_index, question, timestamp) VALUES (?, ?, ?, ?)').run(sessionId, n, ask, t);
        this.db.prepare('UPDATE sessions SET last_time = ? WHERE id = ?').run(t, sessionId);
      })();
    } else {
      const names = [...new Set(plan.questions.map((q) => q.instrument.name))];
      const instrument = field(form, 'instrument', names);
      const question = field(form, 'question', plan.questions.filter((q) => q.instrument.name === instrument).map((q) => q.question));
      const response = Number(field(form, 'response', ['1', '2', '3', '4', '5']));
      const session = this.db.prepare('SELECT id FROM sessions WHERE rater_id = ?').get(rater) as { id: string } | undefined;
      this.db.transaction(() => {
        this.db
          .prepare(
            'INSERT INTO likert (rater_id, instrument, question_id, item_id, session_id, response, response_raw, language, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rater_id, instrument, question_id, item_id) DO UPDATE SET response = excluded.response, timestamp = excluded.timestamp',
          )
          .run(rater, instrument, question, plan.dialogue!.item, session?.id ?? null, response, String(response), lang, t);
      })();
    }
  }

  counts(): Record<string, number> {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      raters: n('SELECT COUNT(*) AS n FROM raters'),
      'SSA answers': n('SELECT COUNT(*) AS n FROM ssa'),
      'pairwise answers': n('SELECT COUNT(*) AS n FROM pairwise'),
      'questionnaire answers': n('SELECT COUNT(*) AS n FROM likert'),
      'dialogue sessions': n('SELECT COUNT(*) AS n FROM sessions'),
      'dialogue turns': n('SELECT COUNT(*) AS n FROM turns'),
    };
  }

  // ---- http ----

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const cookie = /(?:^|;\s*)xbr=([A-Z0-9-]{1,20})/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const who = this.raterOf(cookie);
    const langParam = url.searchParams.get('lang');
    const lang: Lang = who?.lang ?? (LANGS.includes(langParam as Lang) ? (langParam as Lang) : this.packet.languages[0] ?? 'ko');
    const html = (status: number, body: string, headers: Record<string, string> = {}) => send(res, status, 'text/html; charset=utf-8', body, headers);
    const redirect = (to: string, headers: Record<string, string> = {}) => send(res, 303, 'text/plain; charset=utf-8', '', { Location: to, ...headers });
    const setCookie = (c: string) => ({ 'Set-Cookie': `${COOKIE}=${c}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000` });
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/style.css') return send(res, 200, 'text/css; charset=utf-8', CSS);
    if (method === 'GET' && this.pictures.has(path)) return send(res, 200, 'image/png', this.pictures.get(path)!, { 'Cache-Control': 'private, max-age=3600' });
    if (path === '/admin' || path.startsWith('/admin/')) return this.admin(req, res, url);
    if (method === 'GET' && path === '/') return who ? redirect('/next') : html(200, homePage());
    if (method === 'GET' && path === '/start') {
      const g = url.searchParams.get('group');
      return html(200, consentPage(lang, g && ID_PATTERN.test(g) && g.length <= 40 ? g : null, false));
    }
    if (method === 'POST' && path === '/start') {
      const form = await readBody(req);
      const l = field(form, 'lang', LANGS) as Lang;
      if (form.get('consent') !== '1') return html(200, consentPage(l, form.get('group') && ID_PATTERN.test(form.get('group')!) ? form.get('group') : null, true));
      const r = this.createRater(l, form);
      return html(200, codePage(l, r.code), setCookie(r.code));
    }
    if (method === 'GET' && path === '/resume') return html(200, resumePage(lang, false));
    if (method === 'POST' && path === '/resume') {
      const form = await readBody(req);
      const l = field(form, 'lang', LANGS) as Lang;
      const typed = (form.get('code') ?? '').slice(0, 32);
      const r = this.raterOf(typed);
      if (!r) return html(200, resumePage(l, true));
      return redirect('/next', setCookie(typed.trim().toUpperCase()));
    }
    if (!who) return method === 'GET' && (path === '/next' || path === '/answer') ? redirect('/') : html(404, messagePage(lang, 'notFound'));
    if (method === 'GET' && path === '/next') return html(200, this.nextPage(who.id, who.lang));
    if (method === 'POST' && path === '/answer') {
      const form = await readBody(req);
      this.answer(who.id, who.lang, form);
      return redirect('/next');
    }
    return html(404, messagePage(lang, 'notFound'));
  }

  private admin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? url.searchParams.get('token') ?? '';
    if (!sameSecret(token, this.adminToken)) return send(res, 403, 'text/plain; charset=utf-8', 'admin token required\n');
    const files = studyFiles(this.db, 'admin');
    if (url.pathname === '/admin') return send(res, 200, 'text/html; charset=utf-8', adminPage(this.packet.studyId, this.counts(), token, Object.keys(files)));
    const name = url.pathname.slice('/admin/export/'.length);
    if (!url.pathname.startsWith('/admin/export/') || !(name in files)) return send(res, 404, 'text/plain; charset=utf-8', 'no such file\n');
    return send(res, 200, 'text/csv; charset=utf-8', files[name], { 'Content-Disposition': `attachment; filename="${name}"` });
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

export async function serveSurvey(o: ServeOptions): Promise<RunningServer> {
  const { packet, hash } = readPacket(o.packetDir);
  const db = openStudyDb(o.db, { create: true });
  bindPacket(db, packet, hash, `--db ${o.db}`);
  const adminToken = o.adminToken ?? randomBytes(18).toString('base64url');
  const app = new SurveyApp(packet, o.packetDir, db, adminToken);
  const server = createServer((req, res) => {
    app.handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) {
        if (e.status === 413) res.setHeader('Connection', 'close');
        return send(res, e.status, 'text/html; charset=utf-8', messagePage('en', 'badRequest'));
      }
      process.stderr.write(`survey serve: ${(e as Error).stack ?? e}\n`);
      send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
    });
  });
  server.requestTimeout = 30_000;
  // Tablets pause between answers: keep idle connections longer than Node's 5 s default.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => ok());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    server,
    url: `http://${host}:${port}/`,
    adminToken,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          ok();
        });
      }),
  };
}
