/**
 * The SQL of rater slots (table `assignments`, study-db.ts): which rater holds which slot of which
 * round, when they were last seen, when they finished, and when and why a slot was taken back from
 * them (released_by: 'timeout' or 'quit'). Times are ISO-8601 UTC strings, so they compare as text.
 */
import type { Db } from '../study-db.js';

export interface Assignment {
  readonly rater_id: string;
  readonly round: number;
  readonly slot: string;
  readonly assigned_at: string;
  readonly last_seen: string;
  readonly completed_at: string | null;
  readonly released_at: string | null;
  readonly released_by: string | null;
}

export class AssignmentStore {
  constructor(readonly db: Db) {}

  /** The rater's assignment that is not released (at most one), or undefined. */
  current(rater: string): Assignment | undefined {
    return this.db.prepare('SELECT * FROM assignments WHERE rater_id = ? AND released_at IS NULL').get(rater) as Assignment | undefined;
  }

  /** The rater's released assignments, latest first. */
  released(rater: string): Assignment[] {
    return this.db
      .prepare('SELECT * FROM assignments WHERE rater_id = ? AND released_at IS NOT NULL ORDER BY released_at DESC')
      .all(rater) as Assignment[];
  }

  /** Every assignment not released (finished ones included). */
  live(): Assignment[] {
    return this.db.prepare('SELECT * FROM assignments WHERE released_at IS NULL').all() as Assignment[];
  }

  all(): Assignment[] {
    return this.db.prepare('SELECT * FROM assignments ORDER BY assigned_at, rater_id').all() as Assignment[];
  }

  insert(rater: string, round: number, slot: string, time: string): void {
    this.db
      .prepare('INSERT INTO assignments (rater_id, round, slot, assigned_at, last_seen) VALUES (?, ?, ?, ?, ?)')
      .run(rater, round, slot, time, time);
  }

  /** Gives a released slot back to the rater who held it. */
  reclaim(a: Assignment, time: string): void {
    this.db
      .prepare('UPDATE assignments SET released_at = NULL, released_by = NULL, last_seen = ? WHERE rater_id = ? AND round = ? AND slot = ?')
      .run(time, a.rater_id, a.round, a.slot);
  }

  touch(a: Assignment, time: string): void {
    this.db.prepare('UPDATE assignments SET last_seen = ? WHERE rater_id = ? AND round = ? AND slot = ?').run(time, a.rater_id, a.round, a.slot);
  }

  complete(a: Assignment, time: string): void {
    this.db
      .prepare('UPDATE assignments SET completed_at = ? WHERE rater_id = ? AND round = ? AND slot = ? AND completed_at IS NULL')
      .run(time, a.rater_id, a.round, a.slot);
  }

  release(a: Assignment, time: string, why: 'timeout' | 'quit'): void {
    this.db
      .prepare('UPDATE assignments SET released_at = ?, released_by = ? WHERE rater_id = ? AND round = ? AND slot = ?')
      .run(time, why, a.rater_id, a.round, a.slot);
  }

  /** Whether the rater has given any answer at all. */
  answeredAnything(rater: string): boolean {
    const n = (sql: string) => (this.db.prepare(sql).get(rater) as { n: number }).n;
    return n('SELECT COUNT(*) AS n FROM ssa WHERE rater_id = ?') + n('SELECT COUNT(*) AS n FROM pairwise WHERE rater_id = ?') > 0;
  }
}
