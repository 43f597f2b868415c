/**
 * The dialogue-session stage: sessions.csv, with one idle timeout and one turn cap per study (CPS under
 * different timeouts is not comparable); sessions longer than the cap are counted at the cap, noted.
 */
import { exchangeTurns } from '../../metrics/human/cps.js';
import type { Cells } from '../cells.js';
import type { Study, StudySession } from '../study.js';
import type { StudyReading } from './study-reading.js';

/** The timeout and cap of the first session, which every other session must repeat. */
interface SessionLimits {
  readonly idle: number;
  readonly cap: number;
  readonly line: number;
}

/** The limits fixed by the first session read (null until then). */
interface FirstLimits {
  limits: SessionLimits | null;
}

export function readSessions(r: StudyReading): { sessions: StudySession[]; cps: Study['cps'] } {
  const first: FirstLimits = { limits: null };
  const sessions = r.ratings('sessions', (c, seen) => sessionRow(r, c, seen, first));
  const limits = first.limits;
  return { sessions, cps: limits === null ? null : { idleTimeoutS: limits.idle, maxTurns: limits.cap } };
}

function sessionRow(r: StudyReading, c: Cells, seen: Map<string, number>, first: FirstLimits): StudySession {
  const id = c.id('session_id');
  if (seen.has(id)) c.fail('session_id', `duplicate session '${id}' (first at line ${seen.get(id)})`);
  seen.set(id, c.line);
  const user = c.id('user_id');
  const method = r.knownMethod(c, 'method_id');
  const nUser = c.integer('n_user_msgs');
  const nSystem = c.integer('n_system_msgs');
  const nTurns = c.integer('n_turns');
  if (nTurns !== exchangeTurns(nUser, nSystem)) {
    c.fail(
      'n_turns',
      `${nTurns} disagrees with the declared convention (one user message answered by one system reply = 1 turn: ` +
        `min(${nUser}, ${nSystem}) = ${exchangeTurns(nUser, nSystem)})`,
    );
  }
  c.oneOf('ended_by', ['user', 'timeout', 'system', 'cap'] as const);
  const cap = checkLimits(c, first);
  c.optionalTimestamp('start_time');
  c.optionalTimestamp('end_time');
  let turns = nTurns;
  if (turns > cap) {
    r.note('sessions', `session longer than max_turns ${cap}, counted at the cap`, c.line);
    turns = cap;
  }
  return { id, user, method, turns, language: c.raw('language') || null };
}

/** The row's turn cap, after checking its timeout and cap against the first session's. */
function checkLimits(c: Cells, first: FirstLimits): number {
  const idle = c.integer('idle_timeout_s', 1);
  const cap = c.integer('max_turns', 1);
  const limits = first.limits;
  if (limits === null) first.limits = { idle, cap, line: c.line };
  else if (idle !== limits.idle) {
    c.fail(
      'idle_timeout_s',
      `${idle} differs from ${limits.idle} at line ${limits.line} ` +
        '(one timeout per study: CPS under different timeouts is not comparable)',
    );
  } else if (cap !== limits.cap) c.fail('max_turns', `${cap} differs from ${limits.cap} at line ${limits.line} (one turn cap per study)`);
  return cap;
}
