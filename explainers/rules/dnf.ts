/**
 * Conditions, conjunctive clauses and DNFs over numeric features, and the simplifications DeepRED
 * applies after every substitution (step 4 in deepred.ts): unsatisfiable clauses deleted, redundant
 * terms deleted keeping the TIGHTEST bound (x > 3 AND x > 5 is x > 5: REMIX's semantics, not DNN-RE's
 * older helper, which keeps the loosest and so changes the rule's meaning), duplicate and subsumed
 * clauses deleted.
 */

export type Op = '<=' | '>';

/** `x[feature] <= value` or `x[feature] > value` (C4.5's binary split on a continuous attribute). */
export interface Term {
  readonly feature: number;
  readonly op: Op;
  readonly value: number;
}

/** A conjunction of terms; the empty clause is always true. */
export type Clause = readonly Term[];

function termHolds(t: Term, x: ArrayLike<number>): boolean {
  const v = x[t.feature];
  return t.op === '<=' ? v <= t.value : v > t.value;
}

export function clauseFires(c: Clause, x: ArrayLike<number>): boolean {
  for (const t of c) if (!termHolds(t, x)) return false;
  return true;
}

function termKey(t: Term): string {
  return `${t.feature}${t.op}${t.value}`;
}

export function clauseKey(c: Clause): string {
  return c.map(termKey).join('&');
}

/**
 * The clause reduced to at most one bound per feature and direction, the tightest (largest lower
 * bound, smallest upper bound), sorted by feature then op; null when it can never fire (x > a AND
 * x <= b with b <= a).
 */
export function simplifyClause(c: Clause): Term[] | null {
  const lower = new Map<number, number>();
  const upper = new Map<number, number>();
  for (const t of c) {
    if (t.op === '>') lower.set(t.feature, Math.max(lower.get(t.feature) ?? -Infinity, t.value));
    else upper.set(t.feature, Math.min(upper.get(t.feature) ?? Infinity, t.value));
  }
  const out: Term[] = [];
  const features = [...new Set([...lower.keys(), ...upper.keys()])].sort((a, b) => a - b);
  for (const f of features) {
    const lo = lower.get(f);
    const hi = upper.get(f);
    if (lo !== undefined && hi !== undefined && hi <= lo) return null;
    if (hi !== undefined) out.push({ feature: f, op: '<=', value: hi });
    if (lo !== undefined) out.push({ feature: f, op: '>', value: lo });
  }
  return out;
}

/**
 * Whether every input that satisfies `b` also satisfies `a` (so `b` is redundant in a disjunction with
 * `a`): each term of `a` is implied by a term of `b` on the same feature and direction that is at
 * least as tight. Both must be simplified clauses. This generalises "a's terms are a subset of b's".
 */
export function subsumes(a: Clause, b: Clause): boolean {
  for (const ta of a) {
    const tighter = (tb: Term) => (ta.op === '>' ? tb.value >= ta.value : tb.value <= ta.value);
    const implied = b.some((tb) => tb.feature === ta.feature && tb.op === ta.op && tighter(tb));
    if (!implied) return false;
  }
  return true;
}

export interface WithTerms {
  readonly terms: Clause;
}

/**
 * Simplifies a disjunction of clauses (carrying any payload, e.g. a confidence): each clause reduced,
 * unsatisfiable ones dropped, and clauses subsumed by another dropped. Of two identical clauses the one
 * that `prefer` ranks first is kept (default: the first). Order of the survivors is preserved.
 */
export function simplifyDnf<T extends WithTerms>(clauses: readonly T[], prefer: (a: T, b: T) => number = () => 0): T[] {
  const reduced: T[] = [];
  for (const c of clauses) {
    const terms = simplifyClause(c.terms);
    if (terms) reduced.push({ ...c, terms });
  }
  // Shorter clauses first, so a subsuming clause is seen before those it subsumes; equal ones by preference.
  const order = reduced.map((
    c,
    i,
  ) => i).sort((i, j) => reduced[i].terms.length - reduced[j].terms.length || prefer(reduced[i], reduced[j]) || i - j);
  const keep: number[] = [];
  for (const i of order) {
    if (!keep.some((k) => subsumes(reduced[k].terms, reduced[i].terms))) keep.push(i);
  }
  keep.sort((a, b) => a - b);
  return keep.map((i) => reduced[i]);
}
