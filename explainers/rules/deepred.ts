/**
 * DeepRED (Zilke, Loza Mencía & Janssen 2016, "DeepRED: rule extraction from deep neural networks"): decompositional rule extraction for
 * Dense networks. From the output back to the inputs, layer by layer:
 * 1. the training rows' activations of every layer are computed once;
 * 2. a C4.5 tree over the last hidden layer predicts the network's class (for two classes this is
 *    DeepRED's "output > 0.5"; for more, the argmax, which is what the class decision is);
 * 3. for every distinct term "h_ji > θ" in the current rules, a C4.5 tree over layer j-1 learns when it
 *    holds; its paths conclude the term (true leaves) and its negation (false leaves);
 * 4. the terms are substituted by those clauses, multiplied out into DNF and simplified
 *    (deepred-expand.ts, dnf.ts);
 * 5. the final clauses over the inputs become a rule set scored on the training rows (rule-set.ts).
 * Budgets are explicit: `maxTerms` trees per layer (the most used terms first), `maxClauses` clauses
 * per product and per class, `work` units (work-budget.ts: tree split scans and clause products; trees
 * stop growing, unlearned terms and unsubstituted clauses are cut) and, only as an outer safety cut,
 * `seconds` of wall time; every cut is reported in `budgetHit`. The row subsample is evenly spaced and
 * the work budget counts work, not time, so the rules depend only on the model, the data and the
 * parameters (deterministic: true) unless the `seconds` cut fires, which budgetHit then says.
 * Not ported: RxREN input pruning.
 */
import { int, num } from '../../core/params.js';
import type { ParamValues } from '../../core/params.js';
import type { FitContext, StructuredExplainer } from '../types.js';
import { deepredCard } from './deepred.card.js';
import { learnC45 } from './c45.js';
import { denseChain, layerActivations } from './dense-chain.js';
import { type ExpandStats, type WeightedClause, capClauses, substituteClause } from './deepred-expand.js';
import type { Term } from './dnf.js';
import { extractionRows } from './extraction-data.js';
import { type RuleSet, buildRuleSet } from './rule-set.js';
import { type BudgetHit, type RulesGlobal, type RulesSample, type RulesState, explainWithRules, measuredFit } from './rules-explanation.js';
import { treeRules } from './tree.js';
import { WorkBudget } from './work-budget.js';

const params = {
  minCases: int({ default: 2, min: 1, description: "C4.5's minimum cases on at least two branches (-m)" }),
  cf: num({ default: 0.25, min: 0, max: 1, description: 'C4.5 pruning confidence (0 or 1: no pruning)' }),
  maxTerms: int({
    default: 200,
    min: 1,
    description: 'most hidden-unit terms expanded per layer (one C4.5 tree each), the most used first',
  }),
  maxClauses: int({
    default: 400,
    min: 1,
    description: 'most clauses kept per substituted clause and per class after each layer (most confident first)',
  }),
  work: int({
    default: 50_000_000,
    min: 0,
    description:
      'deterministic budget of the whole extraction in work units (rows x features scanned for tree splits, plus clause products); 0: ' +
      'none',
  }),
  seconds: num({
    default: 600,
    min: 0.01,
    description: 'outer safety cut on wall time; if it fires, the rules depend on the machine (reported in budgetHit)',
  }),
  rows: int({
    default: 0,
    min: 0,
    description: 'training rows to learn from (0: all; otherwise every (n / rows)-th row, the same for every seed)',
  }),
} as const;

type Params = ParamValues<typeof params>;

const laplace = (correct: number, cover: number) => (correct + 1) / (cover + 2);

type ClassClause = WeightedClause & { cls: number };

/** One extraction's data, budgets and record of cuts, shared by its steps. */
interface Extraction {
  readonly p: Params;
  readonly chain: ReturnType<typeof denseChain>;
  readonly rows: ReturnType<typeof extractionRows>;
  /** Activations of every layer on the training rows. */
  readonly acts: Float32Array[];
  readonly numClasses: number;
  readonly deadline: number;
  readonly work: WorkBudget;
  readonly c45: Parameters<typeof learnC45>[1];
  readonly budgetHit: BudgetHit[];
  readonly trees: { timedOut: number; workedOut: number };
}

/** Input width of layer j's activations (j = 0: the inputs). */
const widthOf = (e: Extraction, j: number) => (j === 0 ? e.rows.d : e.chain[j - 1].units);

function learnTree(e: Extraction, data: Parameters<typeof learnC45>[0]): ReturnType<typeof learnC45> {
  const tree = learnC45(data, e.c45);
  if (tree.timedOut) e.trees.timedOut++;
  if (tree.workedOut) e.trees.workedOut++;
  return tree;
}

export function extractDeepRed(ctx: FitContext, p: Params): { ruleSet: RuleSet; budgetHit: BudgetHit[] } {
  const budgetHit: BudgetHit[] = [];
  const chain = denseChain(ctx.engine.model, 'deepred');
  const rows = extractionRows(ctx, 'deepred', p.rows, budgetHit);
  const deadline = performance.now() + p.seconds * 1000;
  const work = new WorkBudget(p.work > 0 ? p.work : Infinity);
  const e: Extraction = {
    p,
    chain,
    rows,
    acts: layerActivations(chain, rows.x, rows.n),
    numClasses: ctx.engine.numClasses,
    deadline,
    work,
    c45: { minCases: p.minCases, cf: p.cf, deadline, work },
    budgetHit,
    trees: { timedOut: 0, workedOut: 0 },
  };
  const k = chain.length;
  const top = learnTree(e, { x: e.acts[k - 1], n: rows.n, d: widthOf(e, k - 1), y: rows.labels, numClasses: e.numClasses });
  let current: ClassClause[] = treeRules(top.tree).map((r) => ({ terms: r.terms, cls: r.cls, confidence: laplace(r.correct, r.cover) }));
  for (let j = k - 1; j >= 1; j--) current = substituteLayer(e, j, current);
  if (e.trees.workedOut > 0) {
    const detail = `work budget spent while growing ${e.trees.workedOut} C4.5 trees; their open nodes became leaves`;
    budgetHit.push({ budget: 'work', where: 'tree', limit: p.work, cut: e.trees.workedOut, detail });
  }
  if (e.trees.timedOut > 0) {
    const detail = `time ran out while growing ${e.trees.timedOut} C4.5 trees; their open nodes became leaves`;
    budgetHit.push({ budget: 'seconds', where: 'tree', limit: p.seconds, cut: e.trees.timedOut, detail });
  }
  const ruleSet = buildRuleSet(current, rows.x, rows.n, rows.d, rows.labels, e.numClasses);
  return { ruleSet, budgetHit };
}

/** The distinct terms of the current rules, the most used first (then by unit and threshold). */
function rankTerms(current: readonly ClassClause[]): [string, { unit: number; value: number; uses: number }][] {
  const usage = new Map<string, { unit: number; value: number; uses: number }>();
  for (const c of current) {
    for (const t of c.terms) {
      const key = `${t.feature}:${t.value}`;
      const u = usage.get(key) ?? { unit: t.feature, value: t.value, uses: 0 };
      u.uses++;
      usage.set(key, u);
    }
  }
  return [...usage.entries()].sort((a, b) => b[1].uses - a[1].uses || a[1].unit - b[1].unit || a[1].value - b[1].value);
}

/** For each of the first maxTerms terms on layer j, a C4.5 tree over layer j-1: the clauses where it holds and fails. */
function learnTerms(e: Extraction, j: number, ranked: ReturnType<typeof rankTerms>, layerName: string) {
  const { p, rows, acts, budgetHit } = e;
  const w = widthOf(e, j);
  const learned = new Map<string, { holds: WeightedClause[]; fails: WeightedClause[] }>();
  let skippedForTime = 0;
  let skippedForWork = 0;
  for (const [key, t] of ranked.slice(0, p.maxTerms)) {
    if (e.work.exhausted) {
      skippedForWork++;
      continue;
    }
    if (performance.now() > e.deadline) {
      skippedForTime++;
      continue;
    }
    const y = new Int32Array(rows.n);
    for (let i = 0; i < rows.n; i++) y[i] = acts[j][i * w + t.unit] > t.value ? 1 : 0;
    const tree = learnTree(e, { x: acts[j - 1], n: rows.n, d: widthOf(e, j - 1), y, numClasses: 2 });
    const holds: WeightedClause[] = [];
    const fails: WeightedClause[] = [];
    for (const r of treeRules(tree.tree)) (r.cls === 1 ? holds : fails).push({ terms: r.terms, confidence: laplace(r.correct, r.cover) });
    learned.set(key, { holds, fails });
  }
  if (skippedForWork > 0) {
    const detail = `work budget spent: ${skippedForWork} terms on ${layerName}'s units were not expanded`;
    budgetHit.push({ budget: 'work', where: layerName, limit: p.work, cut: skippedForWork, detail });
  }
  if (skippedForTime > 0) {
    const detail = `time ran out: ${skippedForTime} terms on ${layerName}'s units were not expanded`;
    budgetHit.push({ budget: 'seconds', where: layerName, limit: p.seconds, cut: skippedForTime, detail });
  }
  return learned;
}

/** Replaces the terms on layer j's units in the current rules by clauses over layer j-1, class by class. */
function substituteLayer(e: Extraction, j: number, current: readonly ClassClause[]): ClassClause[] {
  const { p, budgetHit } = e;
  const layerName = e.chain[j - 1].name;
  const ranked = rankTerms(current);
  if (ranked.length > p.maxTerms) {
    const cut = ranked.length - p.maxTerms;
    const detail =
      `${ranked.length} terms on ${layerName}'s units; the ${cut} least used were not expanded and clauses using them were dropped`;
    budgetHit.push({ budget: 'terms', where: layerName, limit: p.maxTerms, cut, detail });
  }
  const learned = learnTerms(e, j, ranked, layerName);
  const rulesFor = (t: Term) => {
    const l = learned.get(`${t.feature}:${t.value}`);
    return l ? (t.op === '>' ? l.holds : l.fails) : null;
  };
  const stats: ExpandStats = { unexpanded: 0, clausesCut: 0, timeCut: 0, workCut: 0 };
  const next: ClassClause[] = [];
  for (let c = 0; c < e.numClasses; c++) {
    const expanded: WeightedClause[] = [];
    for (const clause of current.filter((x) => x.cls === c)) {
      expanded.push(...substituteClause(clause, rulesFor, p.maxClauses, stats, e.deadline, e.work));
    }
    next.push(...capClauses(expanded, p.maxClauses, stats).map((x) => ({ ...x, cls: c })));
  }
  recordSubstitutionCuts(e, stats, layerName);
  return next;
}

/** Reports the clauses cut while substituting a layer; a term without rules that no budget explains is a bug. */
function recordSubstitutionCuts(e: Extraction, stats: ExpandStats, layerName: string): void {
  const { p, budgetHit } = e;
  if (stats.clausesCut > 0) {
    const detail = `${stats.clausesCut} clauses beyond ${p.maxClauses} (the least confident) dropped while substituting ${layerName}`;
    budgetHit.push({ budget: 'clauses', where: layerName, limit: p.maxClauses, cut: stats.clausesCut, detail });
  }
  if (stats.workCut > 0) {
    const detail = `work budget spent: ${stats.workCut} clauses were dropped unsubstituted at ${layerName}`;
    budgetHit.push({ budget: 'work', where: layerName, limit: p.work, cut: stats.workCut, detail });
  }
  if (stats.timeCut > 0) {
    const detail = `time ran out: ${stats.timeCut} clauses were dropped unsubstituted at ${layerName}`;
    budgetHit.push({ budget: 'seconds', where: layerName, limit: p.seconds, cut: stats.timeCut, detail });
  }
  const cutTerms = budgetHit.some((b) => b.where === layerName && (b.budget === 'terms' || b.budget === 'work' || b.budget === 'seconds'));
  if (stats.unexpanded > 0 && !cutTerms) {
    throw new Error(`deepred: ${stats.unexpanded} clauses had terms without rules on ${layerName} although no budget cut terms`);
  }
}

export const deepredExplainer: StructuredExplainer<typeof params, RulesState, RulesSample, RulesGlobal> = {
  api: 2,
  id: 'deepred',
  family: 'rules',
  description:
    'DeepRED: layer-wise decompositional rule extraction with C4.5 trees per hidden term, substitution into DNF and simplification, ' +
    'under explicit budgets',
  needs: ['layers', 'training-data'],
  needsClasses: 'extracts rules that predict the model\'s class',
  kinds: ['tabular'],
  output: 'probability',
  deterministic: true,
  params,
  card: deepredCard,
  fit: (ctx, p) => measuredFit(ctx, 'deepred', p, () => extractDeepRed(ctx, p)),
  explain: ({ ctx, batch, state }) => explainWithRules(ctx.task, batch, state),
};
