/**
 * The rating database (better-sqlite3, WAL, synchronous FULL): every answer is one transaction that has
 * committed before the server answers the request, so a crash or a closed tab loses nothing already
 * answered. The packet is copied in at first start (and must not change later), so `survey export`
 * needs only the database file. Answers are upserts keyed by what they answer: a rater who goes back
 * and answers again replaces the earlier answer instead of adding a second one.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { Packet } from './packet.js';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS raters (
  id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL, language TEXT NOT NULL, consent INTEGER NOT NULL, assent INTEGER,
  rater_pool TEXT, age_band TEXT, grade TEXT, group_id TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ssa (
  rater_id TEXT NOT NULL REFERENCES raters(id), item_id TEXT NOT NULL, question TEXT NOT NULL, label INTEGER NOT NULL,
  position INTEGER NOT NULL, language TEXT NOT NULL, timestamp TEXT NOT NULL, PRIMARY KEY (rater_id, item_id, question));
CREATE TABLE IF NOT EXISTS pairwise (
  rater_id TEXT NOT NULL REFERENCES raters(id), comparison_id TEXT NOT NULL, item_a TEXT NOT NULL, item_b TEXT NOT NULL,
  shown_left TEXT NOT NULL, outcome TEXT NOT NULL, timestamp TEXT NOT NULL, PRIMARY KEY (rater_id, comparison_id));
CREATE TABLE IF NOT EXISTS likert (
  rater_id TEXT NOT NULL REFERENCES raters(id), instrument TEXT NOT NULL, question_id TEXT NOT NULL, item_id TEXT NOT NULL,
  session_id TEXT, response INTEGER NOT NULL, response_raw TEXT NOT NULL, language TEXT NOT NULL, timestamp TEXT NOT NULL,
  PRIMARY KEY (rater_id, instrument, question_id, item_id));
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY, rater_id TEXT NOT NULL REFERENCES raters(id), dialogue_id TEXT NOT NULL, item_id TEXT NOT NULL,
  language TEXT NOT NULL, start_time TEXT NOT NULL, last_time TEXT NOT NULL, end_time TEXT, ended_by TEXT);
CREATE TABLE IF NOT EXISTS assignments (
  rater_id TEXT NOT NULL REFERENCES raters(id), round INTEGER NOT NULL, slot TEXT NOT NULL, assigned_at TEXT NOT NULL,
  last_seen TEXT NOT NULL, completed_at TEXT, released_at TEXT, released_by TEXT, PRIMARY KEY (rater_id, round, slot));
CREATE TABLE IF NOT EXISTS turns (
  session_id TEXT NOT NULL REFERENCES sessions(id), turn_index INTEGER NOT NULL, question TEXT NOT NULL, timestamp TEXT NOT NULL,
  PRIMARY KEY (session_id, turn_index));
`;

const TABLES = ['meta', 'raters', 'ssa', 'pairwise', 'likert', 'sessions', 'turns'] as const;
const SQLITE_HEADER = 'SQLite format 3\0';

/** The tables of an existing file, read without changing it (no schema, no WAL switch); a non-database is a UserError. */
function tablesOf(path: string): Set<string> {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(16);
  const n = readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  if (n === 0) return new Set();
  if (head.toString('latin1', 0, n) !== SQLITE_HEADER) throw new UserError(`--db ${path}: not an SQLite database`);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    } finally {
      db.close();
    }
  } catch (e) {
    throw new UserError(`--db ${path}: cannot read it as an SQLite database (${(e as Error).message.split('\n')[0]})`);
  }
}

/**
 * Refuses a file that is not a rating database before anything is written to it: `export` needs every
 * table, `serve` accepts an empty file or its own database, never someone else's.
 */
function checkExisting(path: string, create: boolean): void {
  const tables = tablesOf(path);
  const missing = TABLES.filter((t) => !tables.has(t));
  const foreign = create ? tables.size > 0 && missing.length > 0 : missing.length > 0;
  if (foreign)
    throw new UserError(
      `--db ${path}: not a rating database of xai-bench survey serve (no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}); ` +
        `nothing was changed`,
    );
}

export function openStudyDb(path: string, opts: { readonly create: boolean }): Db {
  if (!opts.create && !existsSync(path)) throw new UserError(`--db ${path}: no such database`);
  if (existsSync(path)) checkExisting(path, opts.create);
  // Exporting only reads: the file stays exactly as it is.
  if (!opts.create) return openReadOnly(path);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: false });
  } catch (e) {
    throw new UserError(`--db ${path}: cannot open (${(e as Error).message})`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

function openReadOnly(path: string): Db {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (e) {
    throw new UserError(`--db ${path}: cannot open (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Stores the packet at first use; afterwards it must be the same packet (by hash). */
export function bindPacket(db: Db, packet: Packet, hash: string, where: string): void {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const have = get.get('packet_sha256') as { value: string } | undefined;
  if (have && have.value !== hash)
    throw new UserError(
      `${where}: this database holds ratings of another packet (sha256 ${have.value.slice(0, 12)}...); use a new --db for a new packet`,
    );
  if (!have) {
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('packet_sha256', hash);
      put.run('packet', JSON.stringify(packet));
    })();
  }
}

export function storedPacket(db: Db, where: string): Packet {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'packet'").get() as { value: string } | undefined;
  if (!row) throw new UserError(`${where}: no packet in this database (was it ever served?)`);
  return JSON.parse(row.value) as Packet;
}
