/**
 * A CART classification-tree learner (Breiman et al. 1984) as scikit-learn and ml-cart grow it: binary
 * splits x <= t at the MIDPOINT between adjacent observed values, the cut with the largest decrease in
 * Gini impurity (first feature and first cut on ties), bounded by depth and a minimum leaf size.
 * Cost-complexity pruning is not done; depth and leaf size bound the tree instead.
 */
import type { TreeNode } from './tree.js';
import { type ChosenSplit, type NodeView, type TreeData, growTree, scanCuts } from './tree-grow.js';

export interface CartOptions {
  readonly minLeaf: number;
  readonly maxDepth: number;
  readonly deadline: number;
}

function gini(counts: readonly number[], total: number): number {
  let s = 1;
  for (const c of counts) s -= (c / total) ** 2;
  return s;
}

function chooseCart(node: NodeView, minLeaf: number): ChosenSplit | null {
  const { counts, size } = node;
  const k = counts.length;
  const base = gini(counts, size);
  const right = new Array<number>(k);
  let best: { feature: number; decrease: number; threshold: number } | null = null;
  for (let j = 0; j < node.data.d; j++) {
    scanCuts(node, j, minLeaf, (pos, left, lo, hi) => {
      const nl = pos + 1;
      const nr = size - nl;
      for (let c = 0; c < k; c++) right[c] = counts[c] - left[c];
      const decrease = base - (nl / size) * gini(left, nl) - (nr / size) * gini(right, nr);
      if (decrease > 1e-12 && (best === null || decrease > best.decrease + 1e-12)) {
        best = { feature: j, decrease, threshold: (lo + hi) / 2 };
      }
    });
  }
  return best;
}

export function learnCart(data: TreeData, options: Partial<CartOptions> = {}): { tree: TreeNode; timedOut: boolean } {
  const o = { minLeaf: 1, maxDepth: 64, deadline: Infinity, ...options };
  return growTree(data, { choose: (node) => chooseCart(node, o.minLeaf), maxDepth: o.maxDepth, deadline: o.deadline });
}
