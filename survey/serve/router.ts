/**
 * The HTTP routes of the rating app: sign-up with consent, resuming with a code, the next step and the
 * answers (each redirected to the next step once committed), "not me / new rater" (clears the cookie
 * after a confirmation), the packet's pictures, and the admin page and study-file downloads behind the
 * admin token. No page ever shows another rater's answers. A method a route does not take gets 405 with
 * Allow; a request other than GET or HEAD must come from an address the server answers for
 * (address-guard.ts); new raters are capped per minute for all addresses together (sign-up-cap.ts).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ID_PATTERN } from '../cells.js';
import { studyFiles } from '../export.js';
import { type Lang, LANGS, type Packet } from '../packet.js';
import {
  adminPage,
  codePage,
  consentPage,
  CSS,
  homePage,
  leavePage,
  messagePage,
  quitDonePage,
  quitPage,
  resumePage,
  waitPage,
} from '../pages.js';
import { AGE_BANDS, GRADES } from '../ui-text.js';
import type { AddressGuard } from './address-guard.js';
import { field } from './http-error.js';
import { readBody, send } from './http-io.js';
import type { RatingProtocol } from './protocol.js';
import { sameSecret } from './rater-codes.js';
import type { Raters } from './raters.js';
import type { SignUpCap } from './sign-up-cap.js';
import { stepPage } from './step-page.js';

const COOKIE = 'xbr';

/** One request as the routes see it: who asks, in which language, and how to answer. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  readonly who: { id: string; lang: Lang } | null;
  readonly lang: Lang;
  html(status: number, body: string, headers?: Record<string, string>): void;
  redirect(to: string, headers?: Record<string, string>): void;
}

const setCookie = (c: string, maxAge = 31536000) => ({ 'Set-Cookie': `${COOKIE}=${c}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}` });

/** The methods each route takes (HEAD wherever GET); any other path is 404. */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/': ['GET'],
  '/style.css': ['GET'],
  '/start': ['GET', 'POST'],
  '/resume': ['GET', 'POST'],
  '/next': ['GET'],
  '/answer': ['POST'],
  '/leave': ['GET', 'POST'],
  '/quit': ['GET', 'POST'],
  '/admin': ['GET'],
};

const allowHeader = (methods: readonly string[]) => methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])).join(', ');

/** The refused sign-up's own answers, checked, for the "wait a moment" page to send again. */
function signUpFields(lang: Lang, form: URLSearchParams): Record<string, string> {
  const f: Record<string, string> = { lang, consent: '1' };
  const keep = (name: string, ok: (v: string) => boolean) => {
    const v = form.get(name);
    if (v && ok(v)) f[name] = v;
  };
  keep('assent', (v) => v === '1');
  keep('age_band', (v) => (AGE_BANDS as readonly string[]).includes(v));
  keep('grade', (v) => (GRADES as readonly string[]).includes(v));
  keep('group', (v) => groupOf(v) !== null);
  return f;
}

/** The group a link or form names, when it is an id. */
const groupOf = (g: string | null, maxLength = Infinity): string | null => (g && ID_PATTERN.test(g) && g.length <= maxLength ? g : null);

/** The packet's own pictures, served from memory: no path from a request reaches the disk. */
function packetPictures(packet: Packet, packetDir: string): Map<string, Buffer> {
  const files = new Set<string>();
  for (const i of packet.items) [i.picture, i.input.picture].forEach((p) => p && files.add(p.file));
  for (const d of packet.dialogues)
    [d.input.picture, ...Object.values(d.answers).map((a) => a.picture)].forEach((p) => p && files.add(p.file));
  return new Map([...files].map((f) => [`/${f}`, readFileSync(join(packetDir, f))]));
}

export class SurveyRouter {
  private readonly pictures: ReadonlyMap<string, Buffer>;

  constructor(
    readonly protocol: RatingProtocol,
    readonly raters: Raters,
    packetDir: string,
    readonly adminToken: string,
    readonly guard: AddressGuard,
    readonly cap: SignUpCap,
  ) {
    this.pictures = packetPictures(protocol.packet, packetDir);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cookie = /(?:^|;\s*)xbr=([A-Z0-9-]{1,20})/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const who = this.raters.raterOf(cookie);
    const langParam = url.searchParams.get('lang');
    const lang: Lang = who?.lang ?? (LANGS.includes(langParam as Lang) ? (langParam as Lang) : (this.protocol.packet.languages[0] ?? 'ko'));
    const x: Exchange = {
      req,
      url,
      who,
      lang,
      method: req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'),
      path: url.pathname,
      html: (status, body, headers = {}) => send(res, status, 'text/html; charset=utf-8', body, headers),
      redirect: (to, headers = {}) => send(res, 303, 'text/plain; charset=utf-8', '', { Location: to, ...headers }),
    };
    const { method, path } = x;
    const methods = ROUTES[path] ?? (this.pictures.has(path) || path.startsWith('/admin/') ? ['GET'] : null);
    if (!methods) return x.html(404, messagePage(lang, 'notFound'));
    if (!methods.includes(method)) return x.html(405, messagePage(lang, 'methodNotAllowed'), { Allow: allowHeader(methods) });
    if (method !== 'GET') {
      const refusal = this.guard.refusal(req);
      if (refusal) {
        this.warnOnce(`refused ${method} ${path}: ${refusal}`);
        return x.html(403, messagePage(lang, 'wrongAddress'));
      }
    }
    if (path === '/style.css') return send(res, 200, 'text/css; charset=utf-8', CSS);
    if (this.pictures.has(path)) return send(res, 200, 'image/png', this.pictures.get(path)!, { 'Cache-Control': 'private, max-age=3600' });
    if (path === '/admin' || path.startsWith('/admin/')) return this.admin(req, res, url);
    if (path === '/leave') return this.leave(x);
    if (path === '/quit') return this.quit(x);
    if (path === '/' || path === '/start' || path === '/resume') return this.entry(x);
    return this.rating(x);
  }

  private readonly warned = new Set<string>();

  /** One line on stderr for the person running the server, once per distinct refusal (a flood stays one line). */
  private warnOnce(line: string): void {
    if (this.warned.has(line) || this.warned.size >= 100) return;
    this.warned.add(line);
    process.stderr.write(`survey serve: ${line}\n`);
  }

  /** "Not me / new rater": a confirmation page, then the cookie cleared and the consent page. */
  private async leave(x: Exchange): Promise<void> {
    if (x.method === 'GET') return x.who ? x.html(200, leavePage(x.who.lang)) : x.redirect('/');
    field(await readBody(x.req), 'confirm', ['1']);
    return x.redirect(`/start?lang=${x.lang}`, setCookie('', 0));
  }

  /** "I want to stop": a confirmation page, then the rater's slot handed on, the cookie cleared and a thank-you. */
  private async quit(x: Exchange): Promise<void> {
    if (!x.who) return x.redirect('/');
    if (x.method === 'GET') return x.html(200, quitPage(x.who.lang));
    field(await readBody(x.req), 'confirm', ['1']);
    this.protocol.desk?.quit(x.who.id);
    return x.html(200, quitDonePage(x.who.lang), setCookie('', 0));
  }

  /** The pages before a rater is known: home, sign-up with consent, and resuming with a code. */
  private async entry(x: Exchange): Promise<void> {
    const { method, path, lang } = x;
    if (method === 'GET' && path === '/') return x.who ? x.redirect('/next') : x.html(200, homePage());
    if (method === 'GET' && path === '/start') return x.html(200, consentPage(lang, groupOf(x.url.searchParams.get('group'), 40), false));
    if (method === 'POST' && path === '/start') {
      const form = await readBody(x.req);
      const l = field(form, 'lang', LANGS) as Lang;
      if (form.get('consent') !== '1') return x.html(200, consentPage(l, groupOf(form.get('group')), true));
      if (!this.cap.take()) return x.html(429, waitPage(l, signUpFields(l, form)), { 'Retry-After': '15' });
      const r = this.raters.register(l, form);
      return x.html(200, codePage(l, r.code), setCookie(r.code));
    }
    if (method === 'GET' && path === '/resume') return x.html(200, resumePage(lang, false));
    if (method === 'POST' && path === '/resume') {
      const form = await readBody(x.req);
      const l = field(form, 'lang', LANGS) as Lang;
      const typed = (form.get('code') ?? '').slice(0, 32);
      if (!this.raters.raterOf(typed)) return x.html(200, resumePage(l, true));
      return x.redirect('/next', setCookie(typed.trim().toUpperCase()));
    }
    throw new Error(`unrouted ${method} ${path}`);
  }

  /** The pages of a known rater: the next step, and answers. */
  private async rating(x: Exchange): Promise<void> {
    const { method, who } = x;
    if (!who) return method === 'GET' ? x.redirect('/') : x.html(404, messagePage(x.lang, 'notFound'));
    if (method === 'GET') return x.html(200, stepPage(who.lang, this.protocol.nextStep(who.id, who.lang)));
    this.protocol.answer(who.id, who.lang, await readBody(x.req));
    return x.redirect('/next');
  }

  private admin(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? url.searchParams.get('token') ?? '';
    if (!sameSecret(token, this.adminToken)) return send(res, 403, 'text/plain; charset=utf-8', 'admin token required\n');
    const files = studyFiles(this.protocol.store.db, 'admin');
    if (url.pathname === '/admin') {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        adminPage(this.protocol.packet.studyId, this.protocol.store.counts(), token, Object.keys(files), {
          refused: this.cap.refused,
          perMinute: this.cap.perMinute,
          last: this.cap.lastRefused === null ? null : new Date(this.cap.lastRefused).toISOString(),
        }, this.protocol.desk?.coverage() ?? null),
      );
    }
    const name = url.pathname.slice('/admin/export/'.length);
    if (!url.pathname.startsWith('/admin/export/') || !(name in files))
      return send(res, 404, 'text/plain; charset=utf-8', 'no such file\n');
    const type = name.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
    return send(res, 200, type, files[name], { 'Content-Disposition': `attachment; filename="${name}"` });
  }
}
