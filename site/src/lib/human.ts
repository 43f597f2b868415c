/**
 * Readings of the leaderboard's `human` section (survey studies). Simulated studies are shown on the
 * human-ratings page, labelled, and never feed the explorer or the map.
 */
import type { Leaderboard } from './types';

type Section = NonNullable<Leaderboard['human']>;
export type Study = Section['studies'][number];
export type HumanValue = Study['methods'][number]['values'][number];

export const studies = (lb: Leaderboard): readonly Study[] => lb.human?.studies ?? [];
export const realStudies = (lb: Leaderboard): Study[] => studies(lb).filter((s) => !s.simulated);

/** A value's label: metric with its instrument, phase, group or criterion where given. */
export function valueLabel(v: HumanValue): string {
  const parts = [v.instrument, v.phase, v.group, v.criterion].filter((x): x is string => Boolean(x));
  return parts.length ? `${v.metric} (${parts.join(', ')})` : v.metric;
}

/** Pooled values (no group) per method for one metric key, from real studies only. */
export function pooled(lb: Leaderboard, key: (v: HumanValue) => boolean): Map<string, HumanValue> {
  const out = new Map<string, HumanValue>();
  for (const st of realStudies(lb)) {
    for (const m of st.methods) {
      const v = m.values.find((x) => x.group === null && x.value !== null && key(x));
      if (v && !out.has(m.method)) out.set(m.method, v);
    }
  }
  return out;
}

/**
 * Method-level rank scores per human value kind ((k - r) / (k - 1), higher value = better), for the
 * explorer's human criterion: values with a default weight of 0 (CPS) are keyed `cps...` so they count
 * only when the reader asks for them.
 */
export function humanRankScores(lb: Leaderboard): Record<string, Record<string, number>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const st of realStudies(lb)) {
    for (const m of st.methods) {
      for (const v of m.values) {
        if (v.group !== null || v.value === null) continue;
        if (v.direction !== 'higher' && v.metric !== 'cps') continue;
        const prefix = v.metric === 'cps' || v.defaultWeight === 0 ? 'cps-' : '';
        const key = `${prefix}${st.studyId}:${v.metric}:${v.instrument ?? ''}:${v.phase ?? ''}:${v.criterion ?? ''}`;
        const map = byKey.get(key) ?? new Map<string, number>();
        if (!map.has(m.method)) map.set(m.method, v.value);
        byKey.set(key, map);
      }
    }
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [key, map] of byKey) {
    const k = map.size;
    if (k < 2) continue;
    for (const [method, value] of map) {
      const rank = 1 + [...map.values()].filter((x) => x > value).length;
      (out[method] ??= {})[key] = (k - rank) / (k - 1);
    }
  }
  return out;
}
