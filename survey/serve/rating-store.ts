/**
 * Every SQL statement of the rating app: raters, answers (upserts keyed by what they answer), dialogue
 * sessions and turns, and the counts for the admin page. The rules of what may be stored when live in
 * protocol.ts, which runs them inside `transaction` so a check and its write commit together.
 */
import type { DialogueQuestion, Lang } from '../packet.js';
import type { Db } from '../study-db.js';

export interface NewRater {
  readonly id: string;
  readonly secretSha256: string;
  readonly language: Lang;
  readonly assent: 1 | null;
  readonly pool: 'pupil' | 'adult';
  readonly ageBand: string | null;
  readonly grade: string | null;
  readonly group: string | null;
  readonly createdAt: string;
}

/** What a rater has answered so far. */
export interface Answered {
  /** SSA labels by item|question. */
  readonly ssa: ReadonlyMap<string, number>;
  readonly pairs: ReadonlySet<string>;
  /** Questionnaire answers by instrument|question. */
  readonly likert: ReadonlySet<string>;
  readonly session: { readonly id: string; readonly ended_by: string | null } | undefined;
}

export interface SsaAnswer {
  readonly rater: string;
  readonly item: string;
  readonly question: 'sensible' | 'specific';
  readonly label: number;
  readonly position: number;
  readonly lang: Lang;
  readonly time: string;
}

export interface PairAnswer {
  readonly rater: string;
  readonly comparison: string;
  readonly itemA: string;
  readonly itemB: string;
  readonly shownLeft: 'a' | 'b';
  readonly outcome: string;
  readonly time: string;
}

export interface LikertAnswer {
  readonly rater: string;
  readonly instrument: string;
  readonly question: string;
  readonly item: string;
  readonly session: string | null;
  readonly response: number;
  readonly lang: Lang;
  readonly time: string;
}

export class RatingStore {
  constructor(readonly db: Db) {}

  /** Runs `f` in one transaction. */
  transaction(f: () => void): void {
    this.db.transaction(f)();
  }

  /** Inserts a rater; false when the id is taken. */
  insertRater(r: NewRater): boolean {
    const insert = this.db.prepare(
      'INSERT INTO raters (id, secret_sha256, language, consent, assent, rater_pool, age_band, grade, group_id, created_at) ' +
        'VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)',
    );
    try {
      insert.run(r.id, r.secretSha256, r.language, r.assent, r.pool, r.ageBand, r.grade, r.group, r.createdAt);
      return true;
    } catch (e) {
      if (!String((e as Error).message).includes('UNIQUE')) throw e;
      return false;
    }
  }

  rater(id: string): { secret_sha256: string; language: Lang } | undefined {
    return this.db.prepare('SELECT secret_sha256, language FROM raters WHERE id = ?').get(id) as
      { secret_sha256: string; language: Lang } | undefined;
  }

  answered(rater: string): Answered {
    const ssa = new Map<string, number>();
    const ssaRows = this.db.prepare('SELECT item_id, question, label FROM ssa WHERE rater_id = ?').all(rater) as {
      item_id: string;
      question: string;
      label: number;
    }[];
    for (const r of ssaRows) ssa.set(`${r.item_id}|${r.question}`, r.label);
    const pairRows = this.db.prepare('SELECT comparison_id FROM pairwise WHERE rater_id = ?').all(rater) as { comparison_id: string }[];
    const likertRows = this.db.prepare('SELECT instrument, question_id FROM likert WHERE rater_id = ?').all(rater) as {
      instrument: string;
      question_id: string;
    }[];
    return {
      ssa,
      pairs: new Set(pairRows.map((r) => r.comparison_id)),
      likert: new Set(likertRows.map((r) => `${r.instrument}|${r.question_id}`)),
      session: this.db.prepare('SELECT id, ended_by FROM sessions WHERE rater_id = ?').get(rater) as Answered['session'],
    };
  }

  ssaLabel(rater: string, item: string, question: 'sensible' | 'specific'): number | undefined {
    const row = this.db.prepare('SELECT label FROM ssa WHERE rater_id = ? AND item_id = ? AND question = ?').get(rater, item, question) as
      { label: number } | undefined;
    return row?.label;
  }

  upsertSsa(a: SsaAnswer): void {
    this.db
      .prepare(
        'INSERT INTO ssa (rater_id, item_id, question, label, position, language, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (rater_id, item_id, question) DO UPDATE SET label = excluded.label, timestamp = excluded.timestamp',
      )
      .run(a.rater, a.item, a.question, a.label, a.position, a.lang, a.time);
  }

  deleteSsa(rater: string, item: string, question: 'sensible' | 'specific'): void {
    this.db.prepare('DELETE FROM ssa WHERE rater_id = ? AND item_id = ? AND question = ?').run(rater, item, question);
  }

  upsertPair(a: PairAnswer): void {
    this.db
      .prepare(
        'INSERT INTO pairwise (rater_id, comparison_id, item_a, item_b, shown_left, outcome, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (rater_id, comparison_id) DO UPDATE SET outcome = excluded.outcome, timestamp = excluded.timestamp',
      )
      .run(a.rater, a.comparison, a.itemA, a.itemB, a.shownLeft, a.outcome, a.time);
  }

  upsertLikert(a: LikertAnswer): void {
    this.db
      .prepare(
        'INSERT INTO likert (rater_id, instrument, question_id, item_id, session_id, response, response_raw, language, timestamp) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
          'ON CONFLICT (rater_id, instrument, question_id, item_id) DO UPDATE SET response = excluded.response, timestamp = ' +
          'excluded.timestamp',
      )
      .run(a.rater, a.instrument, a.question, a.item, a.session, a.response, String(a.response), a.lang, a.time);
  }

  /** Creates the session unless it exists. */
  openSession(s: { id: string; rater: string; dialogue: string; item: string; lang: Lang; time: string }): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO sessions (id, rater_id, dialogue_id, item_id, language, start_time, last_time) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(s.id, s.rater, s.dialogue, s.item, s.lang, s.time, s.time);
  }

  sessionOf(rater: string): string | null {
    return (this.db.prepare('SELECT id FROM sessions WHERE rater_id = ?').get(rater) as { id: string } | undefined)?.id ?? null;
  }

  sessionEndedBy(session: string): string | null {
    return (this.db.prepare('SELECT ended_by FROM sessions WHERE id = ?').get(session) as { ended_by: string | null }).ended_by;
  }

  endSession(session: string, time: string, endedBy: 'cap' | 'user'): void {
    this.db.prepare('UPDATE sessions SET end_time = ?, last_time = ?, ended_by = ? WHERE id = ?').run(time, time, endedBy, session);
  }

  turns(session: string): DialogueQuestion[] {
    const rows = this.db.prepare('SELECT question FROM turns WHERE session_id = ? ORDER BY turn_index').all(session) as {
      question: DialogueQuestion;
    }[];
    return rows.map((r) => r.question);
  }

  turnCount(session: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM turns WHERE session_id = ?').get(session) as { n: number }).n;
  }

  addTurn(session: string, index: number, question: DialogueQuestion, time: string): void {
    this.db
      .prepare('INSERT INTO turns (session_id, turn_index, question, timestamp) VALUES (?, ?, ?, ?)')
      .run(session, index, question, time);
    this.db.prepare('UPDATE sessions SET last_time = ? WHERE id = ?').run(time, session);
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
}
