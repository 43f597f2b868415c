/**
 * A rule set: conjunctive rules concluding classes plus a default class, in model-input space. It
 * predicts the class whose firing rules have the highest summed confidence (DNN-RE / REMIX), or the
 * default class when no rule fires. Built from candidate clauses by scoring them against the model's
 * own labels on the training rows: support (rows a rule fires on) and Laplace confidence
 * (agreeing rows + 1) / (support + 2), as C5.0 and DNN-RE report it.
 */
import { type Clause, clauseFires, simplifyDnf } from './dnf.js';

export interface Rule {
  readonly terms: Clause;
  readonly cls: number;
  /** Training rows the rule fires on. */
  readonly support: number;
  /** (training rows it fires on where the model predicts its class + 1) / (support + 2). */
  readonly confidence: number;
}

export interface RuleSet {
  readonly rules: readonly Rule[];
  readonly defaultClass: number;
  readonly numClasses: number;
}

export interface Candidate {
  readonly terms: Clause;
  readonly cls: number;
}

export interface Prediction {
  readonly cls: number;
  /** Index of the firing rule of the predicted class with the highest confidence; -1 for the default. */
  readonly rule: number;
}

export function predictOne(rs: RuleSet, x: ArrayLike<number>): Prediction {
  const score = new Float64Array(rs.numClasses);
  const top = new Int32Array(rs.numClasses).fill(-1);
  let any = false;
  rs.rules.forEach((r, i) => {
    if (!clauseFires(r.terms, x)) return;
    any = true;
    score[r.cls] += r.confidence;
    if (top[r.cls] < 0 || r.confidence > rs.rules[top[r.cls]].confidence) top[r.cls] = i;
  });
  if (!any) return { cls: rs.defaultClass, rule: -1 };
  let best = -1;
  for (let c = 0; c < rs.numClasses; c++) if (top[c] >= 0 && (best < 0 || score[c] > score[best])) best = c;
  return { cls: best, rule: top[best] };
}

/** Predictions for n rows of d features (row-major). */
export function predictRows(rs: RuleSet, x: Float32Array, n: number, d: number): Prediction[] {
  const out: Prediction[] = [];
  for (let i = 0; i < n; i++) out.push(predictOne(rs, x.subarray(i * d, (i + 1) * d)));
  return out;
}

/**
 * The rule set over training rows `x` (n x d) labelled by the model: candidates simplified per class
 * (unsatisfiable, duplicate and subsumed clauses dropped), rules firing on no training row dropped, the
 * default class chosen as C4.5rules does (the class most common among rows no other class's rule
 * covers) and its own rules dropped, since the default concludes it anyway. Rules are ordered by class
 * then support.
 */
export function buildRuleSet(
  candidates: readonly Candidate[],
  x: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  numClasses: number,
): RuleSet {
  const perClass: Candidate[] = [];
  for (let c = 0; c < numClasses; c++) perClass.push(...simplifyDnf(candidates.filter((k) => k.cls === c)));
  const fires = perClass.map((r) => {
    const f = new Uint8Array(n);
    for (let i = 0; i < n; i++) f[i] = clauseFires(r.terms, x.subarray(i * d, (i + 1) * d)) ? 1 : 0;
    return f;
  });
  const scored: { rule: Rule; fires: Uint8Array }[] = [];
  perClass.forEach((r, k) => {
    let support = 0;
    let agree = 0;
    for (let i = 0; i < n; i++) {
      if (!fires[k][i]) continue;
      support++;
      if (labels[i] === r.cls) agree++;
    }
    if (support > 0) {
      scored.push({ rule: { terms: r.terms, cls: r.cls, support, confidence: (agree + 1) / (support + 2) }, fires: fires[k] });
    }
  });
  let defaultClass = 0;
  let bestUncovered = -1;
  let bestLength = -1;
  for (let c = 0; c < numClasses; c++) {
    let uncovered = 0;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== c) continue;
      if (!scored.some((s) => s.rule.cls !== c && s.fires[i])) uncovered++;
    }
    // Ties (balanced classes, exclusive tree rules) go to the class whose rules are longest in total,
    // so the default saves the most reading.
    const length = scored.reduce((a, s) => a + (s.rule.cls === c ? s.rule.terms.length : 0), 0);
    if (uncovered > bestUncovered || (uncovered === bestUncovered && length > bestLength)) {
      bestUncovered = uncovered;
      bestLength = length;
      defaultClass = c;
    }
  }
  const rules = scored
    .map((s) => s.rule)
    .filter((r) => r.cls !== defaultClass)
    .sort((a, b) => a.cls - b.cls || b.support - a.support);
  return { rules, defaultClass, numClasses };
}
