/**
 * Pedagogical extraction (Craven & Shavlik 1996, "Extracting tree-structured representations of trained networks"): a
 * tree learned on inputs labelled by the network's own
 * predictions (the DeepRED paper's baseline, DNN-RE's `pedagogical.py`, REMIX's PedC5.0), its paths
 * turned into a rule set. Only predictions are needed, never the network's insides.
 */
import { makeBatch } from '../../core/batch.js';
import type { Rng } from '../../core/rng.js';
import type { FitContext } from '../types.js';
import { type ExtractionRows, extractionRows, modelLabels } from './extraction-data.js';
import { type RuleSet, buildRuleSet } from './rule-set.js';
import type { BudgetHit } from './rules-explanation.js';
import type { TreeNode } from './tree.js';
import { treeRules } from './tree.js';
import type { TreeData } from './tree-grow.js';

export type TreeLearner = (data: TreeData, deadline: number) => { tree: TreeNode; timedOut: boolean };

/**
 * `synthetic` extra rows drawn from the training rows' per-feature marginals (each feature's value
 * from an independently chosen training row) and labelled by the model: TREPAN's membership queries,
 * without its per-node constraints.
 */
function marginalQueries(rows: ExtractionRows, count: number, rng: Rng): Float32Array {
  const out = new Float32Array(count * rows.d);
  for (let i = 0; i < count; i++) for (let j = 0; j < rows.d; j++) out[i * rows.d + j] = rows.x[rng.int(rows.n) * rows.d + j];
  return out;
}

export function extractPedagogical(
  ctx: FitContext,
  who: string,
  o: { readonly rows: number; readonly seconds: number; readonly queries?: number },
  learn: TreeLearner,
): { ruleSet: RuleSet; budgetHit: BudgetHit[] } {
  const budgetHit: BudgetHit[] = [];
  const rows = extractionRows(ctx, who, o.rows, budgetHit);
  let x = rows.x;
  let y = rows.labels;
  let n = rows.n;
  if (o.queries && o.queries > 0) {
    const q = marginalQueries(rows, o.queries, ctx.rng('queries'));
    const ql = modelLabels(ctx.engine, makeBatch(q, [rows.d]));
    x = new Float32Array((n + o.queries) * rows.d);
    x.set(rows.x);
    x.set(q, rows.x.length);
    y = new Int32Array(n + o.queries);
    y.set(rows.labels);
    y.set(ql, n);
    n += o.queries;
  }
  const { tree, timedOut } = learn({ x, n, d: rows.d, y, numClasses: ctx.engine.numClasses }, performance.now() + o.seconds * 1000);
  if (timedOut) {
    budgetHit.push({
      budget: 'seconds',
      where: 'tree',
      limit: o.seconds,
      cut: 1,
      detail: 'time ran out while growing the tree; its open nodes became leaves',
    });
  }
  // Rules are scored on the same rows the tree was learned from (synthetic queries included).
  return { ruleSet: buildRuleSet(treeRules(tree), x, n, rows.d, y, ctx.engine.numClasses), budgetHit };
}
