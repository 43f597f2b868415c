/**
 * A C4.5 decision-tree learner for numeric features (Quinlan 1993, "C4.5: Programs for Machine Learning"), written here
 * because no well-kept JavaScript library has C4.5's semantics (npm has CART-style learners only):
 * - binary splits x <= t; per feature the cut with the highest information gain;
 * - among features whose gain is at least the average gain of the features that can be cut, the one
 *   with the highest gain RATIO (gain / split information);
 * - the threshold is an observed value: the largest value of that feature in the whole training set
 *   that is <= the midpoint of the cut (CART uses the midpoint itself);
 * - every split leaves at least `minCases` cases on both branches (C4.5's -m, default 2);
 * - pessimistic error pruning at confidence CF (default 25%), see c45-pruning.ts.
 * Not ported: Release 8's log2(cuts)/N penalty on continuous gains, subtree raising, missing values.
 */
import { prunePessimistic } from './c45-pruning.js';
import type { TreeNode } from './tree.js';
import { type ChosenSplit, type NodeView, type TreeData, growTree, scanCuts } from './tree-grow.js';
import type { WorkBudget } from './work-budget.js';

export interface C45Options {
  readonly minCases: number;
  /** Pruning confidence; 0 or 1 turns pruning off. */
  readonly cf: number;
  readonly maxDepth: number;
  readonly deadline: number;
  /** Optional deterministic work budget (tree-grow.ts), shared across the trees of one extraction. */
  readonly work?: WorkBudget;
}

const C45_DEFAULTS: C45Options = { minCases: 2, cf: 0.25, maxDepth: 64, deadline: Infinity };

/** Entropy in bits of a class distribution with `total` cases. */
function entropy(counts: readonly number[], total: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log2(c / total);
  return h;
}

/** Sorted distinct values per feature of the whole training set: C4.5's thresholds come from these. */
function observedValues(data: TreeData): Float64Array[] {
  const out: Float64Array[] = [];
  for (let j = 0; j < data.d; j++) {
    const v = new Float64Array(data.n);
    for (let i = 0; i < data.n; i++) v[i] = data.x[i * data.d + j];
    v.sort();
    out.push(v);
  }
  return out;
}

/** The largest value of sorted `values` that is <= `limit` (C4.5 Release 8's GreatestValueBelow). */
function greatestValueBelow(values: Float64Array, limit: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let best = -Infinity;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= limit) {
      best = values[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

interface FeatureCut {
  readonly feature: number;
  readonly gain: number;
  readonly ratio: number;
  readonly lo: number;
  readonly hi: number;
}

/** Per feature, the cut with the highest gain (first on ties), with its gain ratio. */
function bestCuts(node: NodeView, minCases: number): FeatureCut[] {
  const { counts, size } = node;
  const k = counts.length;
  const base = entropy(counts, size);
  const right = new Array<number>(k);
  const cuts: FeatureCut[] = [];
  for (let j = 0; j < node.data.d; j++) {
    let best: FeatureCut | null = null;
    scanCuts(node, j, minCases, (pos, left, lo, hi) => {
      const nl = pos + 1;
      const nr = size - nl;
      for (let c = 0; c < k; c++) right[c] = counts[c] - left[c];
      const gain = base - (nl / size) * entropy(left, nl) - (nr / size) * entropy(right, nr);
      if (best === null || gain > best.gain + 1e-12) {
        const split = entropy([nl, nr], size);
        best = { feature: j, gain, ratio: gain / split, lo, hi };
      }
    });
    if (best) cuts.push(best);
  }
  return cuts;
}

/** C4.5's choice: among cuts with at least average gain, the highest gain ratio (first feature on ties). */
function chooseC45(cuts: readonly FeatureCut[]): FeatureCut | null {
  const useful = cuts.filter((c) => c.gain > 1e-10);
  if (useful.length === 0) return null;
  const avg = cuts.reduce((a, c) => a + c.gain, 0) / cuts.length;
  let best: FeatureCut | null = null;
  for (const c of useful) {
    if (c.gain < avg - 1e-10) continue;
    if (best === null || c.ratio > best.ratio + 1e-12) best = c;
  }
  return best;
}

export function learnC45(data: TreeData, options: Partial<C45Options> = {}): { tree: TreeNode; timedOut: boolean; workedOut: boolean } {
  const o = { ...C45_DEFAULTS, ...options };
  const values = observedValues(data);
  const choose = (node: NodeView): ChosenSplit | null => {
    if (node.size < 2 * o.minCases) return null;
    const c = chooseC45(bestCuts(node, o.minCases));
    if (!c) return null;
    return { feature: c.feature, threshold: greatestValueBelow(values[c.feature], (c.lo + c.hi) / 2) };
  };
  const grown = growTree(data, { choose, maxDepth: o.maxDepth, deadline: o.deadline, ...(o.work ? { work: o.work } : {}) });
  const pruned = o.cf > 0 && o.cf < 1 ? prunePessimistic(grown.tree, o.cf) : grown.tree;
  return { tree: pruned, timedOut: grown.timedOut, workedOut: grown.workedOut };
}
