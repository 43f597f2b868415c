/**
 * Readings of the leaderboard's `human` section (survey studies). Simulated studies are shown on the
 * human-ratings page, labelled, and never feed the explorer or the map.
 */
import type { Leaderboard } from './types';

type Section = NonNullable<Leaderboard['human']>;
export type Study = Section['studies'][number];
export type HumanValue = Study['methods'][number]['values'][number];

export const studies = (lb: Leaderboard): readonly Study[] => lb.human?.studies ?? [];

/** A value's label: metric with its instrument, phase, group or criterion where given. */
export function valueLabel(v: HumanValue): string {
  const parts = [v.instrument, v.phase, v.group, v.criterion].filter((x): x is string => Boolean(x));
  return parts.length ? `${v.metric} (${parts.join(', ')})` : v.metric;
}
