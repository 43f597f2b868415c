/**
 * DeepRED's substitution step (step 4 in deepred.ts) under budgets: every term of a clause over layer
 * j's units is replaced by the disjunction of the layer-(j-1) clauses that conclude it, the conjunction
 * of disjunctions multiplied out into DNF (the step that explodes), simplifying after every term and
 * keeping at most `maxClauses` clauses (the most confident first) wherever the product grows past it.
 */
import { type Term, clauseKey, simplifyClause, simplifyDnf } from './dnf.js';
import type { WorkBudget } from './work-budget.js';

export interface WeightedClause {
  readonly terms: readonly Term[];
  /** Product of the Laplace confidences of the clauses it was built from, layer by layer. */
  readonly confidence: number;
}

/** The lower-layer clauses concluding a term (op '>') and its negation (op '<='); null if never learned. */
export type TermRules = (t: Term) => readonly WeightedClause[] | null;

export interface ExpandStats {
  /** Clauses dropped because a term in them had no rules (its tree was cut by a budget). */
  unexpanded: number;
  /** Clauses dropped by the clause budget. */
  clausesCut: number;
  /** Clauses dropped because the time budget ran out before they were substituted. */
  timeCut: number;
  /** Clauses dropped because the work budget ran out before they were substituted. */
  workCut: number;
}

const byConfidence = (a: WeightedClause, b: WeightedClause) => b.confidence - a.confidence || a.terms.length - b.terms.length;

/**
 * Duplicates merged (the most confident kept), then at most `max` clauses by confidence, then
 * subsumed ones dropped: subsumption is quadratic, so it runs only on what the budget keeps.
 */
export function capClauses(cs: readonly WeightedClause[], max: number, stats: ExpandStats): WeightedClause[] {
  const unique = new Map<string, WeightedClause>();
  for (const c of cs) {
    const key = clauseKey(c.terms);
    const had = unique.get(key);
    if (!had || c.confidence > had.confidence) unique.set(key, c);
  }
  let kept = [...unique.values()];
  if (kept.length > max) {
    stats.clausesCut += kept.length - max;
    kept = kept.sort(byConfidence).slice(0, max);
  }
  return simplifyDnf(kept, byConfidence);
}

/** The clause with each term replaced by its rules, multiplied out; [] when a term has none or time ran out. */
export function substituteClause(
  clause: WeightedClause,
  rulesFor: TermRules,
  maxClauses: number,
  stats: ExpandStats,
  deadline = Infinity,
  work?: WorkBudget,
): WeightedClause[] {
  let partial: WeightedClause[] = [{ terms: [], confidence: clause.confidence }];
  for (const t of clause.terms) {
    if (work?.exhausted) {
      stats.workCut++;
      return [];
    }
    if (performance.now() > deadline) {
      stats.timeCut++;
      return [];
    }
    const options = rulesFor(t);
    if (!options) {
      stats.unexpanded++;
      return [];
    }
    const next: WeightedClause[] = [];
    for (const a of partial) {
      if (work?.exhausted) {
        stats.workCut++;
        return [];
      }
      if (performance.now() > deadline) {
        stats.timeCut++;
        return [];
      }
      work?.spend(options.length);
      for (const b of options) {
        const terms = simplifyClause([...a.terms, ...b.terms]);
        if (terms) next.push({ terms, confidence: a.confidence * b.confidence });
      }
    }
    partial = capClauses(next, maxClauses, stats);
    if (partial.length === 0) return [];
  }
  return partial;
}
