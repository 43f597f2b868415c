/**
 * `survey serve`: the rating app on Node's http. Binds to 127.0.0.1 unless told otherwise. Every
 * answer is validated against the rater's own plan (serve/protocol.ts), written in one SQLite transaction,
 * and only then answered with a redirect to the next step, so what a rater has submitted survives a
 * crash, a closed tab or a restart, and a rater continues where they left off (on another device with
 * their code). Raters are pseudonymous (a random id; the cookie and the code carry a secret whose
 * sha256 is stored); no page ever shows another rater's answers. An admin token, printed at start,
 * guards the admin page and the study-file downloads. Bodies over 8 KiB are refused. On a shared
 * classroom tablet: only an address the server answers for may change state (serve/address-guard.ts),
 * new raters are capped per minute for the whole class (serve/sign-up-cap.ts), and every rater page has
 * a "not me / new rater" exit. With a designed packet each rater gets one slot of the design
 * (serve/slot-desk.ts), and a slot abandoned before it is finished goes to the next rater.
 *
 * The parts: serve/rating-store.ts (every SQL statement), serve/protocol.ts (what a rater may do next
 * and which answers count), serve/raters.ts (sign-up and codes), serve/router.ts (the HTTP routes).
 */
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { createServer, type Server } from 'node:http';
import { messagePage } from './pages.js';
import { readPacket } from './packet.js';
import { AddressGuard, allowedHosts } from './serve/address-guard.js';
import { HttpError } from './serve/http-error.js';
import { send } from './serve/http-io.js';
import { RatingProtocol } from './serve/protocol.js';
import { Raters } from './serve/raters.js';
import { RatingStore } from './serve/rating-store.js';
import { SurveyRouter } from './serve/router.js';
import { SignUpCap } from './serve/sign-up-cap.js';
import { DEFAULT_ABANDON_MINUTES, SlotDesk } from './serve/slot-desk.js';
import { bindPacket, openStudyDb } from './study-db.js';


export interface ServeOptions {
  readonly packetDir: string;
  readonly db: string;
  readonly port: number;
  readonly host: string;
  /** Fixed admin token (tests); default a fresh random one. */
  readonly adminToken?: string;
  /** More names the server answers for besides its address, localhost and 127.0.0.1 (NAME or NAME:PORT). */
  readonly allowHosts?: readonly string[];
  /** New raters a minute, for all addresses together (default 60). */
  readonly maxNewRatersPerMinute?: number;
  /** Minutes without a page or an answer after which a rater's unfinished slot is handed to the next rater (default 30). */
  readonly abandonAfterMinutes?: number;
  /** The clock of the slot desk (tests); default Date.now. */
  readonly clock?: () => number;
}

const DEFAULT_NEW_RATERS_PER_MINUTE = 60;

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

export async function serveSurvey(o: ServeOptions): Promise<RunningServer> {
  const allow = allowedHosts(o.allowHosts ?? []);
  const perMinute = o.maxNewRatersPerMinute ?? DEFAULT_NEW_RATERS_PER_MINUTE;
  if (!Number.isSafeInteger(perMinute) || perMinute < 1) throw new UserError(`--max-new-raters ${perMinute}: expected an integer >= 1`);
  const minutes = o.abandonAfterMinutes ?? DEFAULT_ABANDON_MINUTES;
  if (!(minutes > 0)) throw new UserError(`--abandon-after ${minutes}: expected minutes > 0`);
  const { packet, hash } = readPacket(o.packetDir);
  const db = openStudyDb(o.db, { create: true });
  bindPacket(db, packet, hash, `--db ${o.db}`);
  const adminToken = o.adminToken ?? randomBytes(18).toString('base64url');
  const store = new RatingStore(db);
  // The port a Host header must name: --port, or the one the system chose for --port 0 (set once listening).
  let port = o.port;
  const guard = new AddressGuard(o.host, allow, () => port);
  const desk = packet.design ? new SlotDesk(packet.design, db, minutes * 60_000, o.clock) : null;
  const protocol = new RatingProtocol(packet, store, desk);
  const router = new SurveyRouter(protocol, new Raters(store), o.packetDir, adminToken, guard, new SignUpCap(perMinute));
  const server = createServer((req, res) => {
    router.handle(req, res).catch((e: unknown) => {
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
    server.listen(o.port, o.host, () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : o.port;
      ok();
    });
  });
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
