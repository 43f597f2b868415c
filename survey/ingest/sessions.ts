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

/** What the rows seen so far fix: session ids and the limits. */
interface SessionsSeen {
  readonly ids: Map<string, number>;
  limits: SessionLimits | null;
}

export function readSessions(r: StudyReading): { sessions: StudySession[]; cps: Study['cps'] } {
  const file = r.readOptional('sessions');
  if (!file) return { sessions: [], cps: null };
  const seen: SessionsSeen = { ids: new Map(), limits: null };
  const sessions: StudySession[] = [];
  r.eachRow(file, (c) => sessions.push(sessionRow(r, c, seen)));
  const limits = seen.limits as SessionLimits | null;
  return { sessions, cps: limits === null ? null : { idleTimeoutS: limits.idle, maxTurns: limits.cap } };
}

function sessionRow(r: StudyReading, c: Cells, seen: SessionsSeen): StudySession {
  const id = c.id('session_id');
  if (seen.ids.has(id)) c.fail('session_id', `duplicate session '${id}' (first at line ${seen.ids.get(id)})`);
  seen.ids.set(id, c.line);
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
  const cap = checkLimits(c, seen);
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
function checkLimits(c: Cells, seen: SessionsSeen): number {
  const idle = c.integer('idle_timeout_s', 1);
  const cap = c.integer('max_turns', 1);
  const first = seen.limits;
  if (first === null) seen.limits = { idle, cap, line: c.line };
  else if (idle !== first.idle) {
    c.fail(
      'idle_timeout_s',
      `${idle} differs from ${first.idle} at line ${first.line} ` +
        '(one timeout per study: CPS under different timeouts is not comparable)',
    );
  } else if (cap !== first.cap) c.fail('max_turns', `${cap} differs from ${first.cap} at line ${first.line} (one turn cap per study)`);
  return cap;
}
