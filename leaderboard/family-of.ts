/**
 * The comparison group of an explainer: its explanation family (attribution, rules, examples,
 * concept-path). Explainers of different families are scored by different metrics, so their rank
 * positions are not comparable (docs/principles.md (principle 8)). The family is read from the metrics that scored
 * the explainer (a family metric only scores its own family), so results of a plugin whose module is
 * not loaded still find their group; the explainer registry answers where only family-neutral metrics
 * (cost) scored it.
 */
import { getExplainer } from '../explainers/index.js';
import { metrics } from '../metrics/index.js';
import type { MergedCell } from './merge.js';

export type FamilyOf = (explainer: string) => string;

const metricFamily = new Map(metrics.map((m) => [m.id, m.family as string]));

function registered(explainer: string): string | null {
  try {
    return getExplainer(explainer).family;
  } catch {
    return null;
  }
}

/** A family lookup for the explainers of `cells`; unknown explainers fall back to 'attribution'. */
export function familiesFromCells(cells: readonly MergedCell[]): FamilyOf {
  const found = new Map<string, string>();
  for (const c of cells) {
    const f = metricFamily.get(c.metric);
    if (f && f !== 'any' && !found.has(c.explainer)) found.set(c.explainer, f);
  }
  return (explainer) => found.get(explainer) ?? registered(explainer) ?? 'attribution';
}
