/**
 * Conversation-turns Per Session (Zhou, Gao, Li & Shum 2020): the mean number of turns per session.
 * Declared convention (docs/metrics.md): one user message answered by one system reply is one
 * turn, so turns = min(user messages, system messages); sessions longer than the study's cap are
 * counted at the cap. Session lengths are heavy-tailed, so the median and 90th percentile come with
 * the mean. Direction: descriptive (more turns can mean engagement or confusion): never ranked alone.
 */
import { mean, median, quantile } from 'simple-statistics';

export interface CpsSession {
  readonly user: string;
  readonly turns: number;
}

export interface CpsSummary {
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
  readonly sessions: number;
  readonly users: number;
  /** Sessions cut at the cap. */
  readonly capped: number;
}

/** Turns of a session under the exchange convention. */
export function exchangeTurns(userMessages: number, systemMessages: number): number {
  return Math.min(userMessages, systemMessages);
}

export function cpsSummary(sessions: readonly CpsSession[], cap: number | null = null): CpsSummary {
  if (sessions.length === 0) throw new RangeError('cpsSummary: no sessions');
  let capped = 0;
  const turns = sessions.map((s) => {
    if (cap !== null && s.turns > cap) {
      capped++;
      return cap;
    }
    return s.turns;
  });
  return {
    mean: mean(turns),
    median: median(turns),
    p90: quantile(turns, 0.9),
    sessions: sessions.length,
    users: new Set(sessions.map((s) => s.user)).size,
    capped,
  };
}
