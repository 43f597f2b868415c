/**
 * The rating database (better-sqlite3, WAL, synchronous FULL): every answer is one transaction that has
 * committed before the server answers the request, so a crash or a closed tab loses nothing already
 * answered. The packet is copied in at first start (and must not change later), so `survey export`
 * needs only the database file. Answers are upserts keyed by what they answer: a rater who goes back
 * and answers again replaces the earlier answer instead of adding a second one.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
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
CREATE TABLE IF NOT EXISTS turns (
  session_id TEXT NOT NULL REFERENCES sessions(id), turn_index INTEGER NOT NULL, question TEXT NOT NULL, timestamp TEXT NOT NULL,
  PRIMARY KEY (session_id, turn_index));
`;

export function openStudyDb(path: string, opts: { readonly create: boolean }): Db {
  if (!opts.create && !existsSync(path)) throw new UserError(`--db ${path}: no such database`);
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !opts.create });
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

/** Stores the packet at first use; afterwards it must be the same packet (by hash). */
export function bindPacket(db: Db, packet: Packet, hash: string, where: string): void {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const have = get.get('packet_sha256') as { value: string } | undefined;
  if (have && have.value !== hash) throw new UserError(`${where}: this database holds ratings of another packet (sha256 ${have.value.slice(0, 12)}...); use a new --db for a new packet`);
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
