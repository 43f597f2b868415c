/**
 * Binary decision trees over numeric features (x <= threshold goes left), as C4.5 and CART grow them,
 * and their conversion to rules: one conjunctive clause per root-to-leaf path.
 */
import { type Term, simplifyClause } from './dnf.js';

export interface Leaf {
  readonly kind: 'leaf';
  /** Training cases per class that reached the leaf. */
  readonly counts: readonly number[];
  readonly cls: number;
}

export interface Split {
  readonly kind: 'split';
  readonly feature: number;
  readonly threshold: number;
  readonly counts: readonly number[];
  readonly le: TreeNode;
  readonly gt: TreeNode;
}

export type TreeNode = Leaf | Split;

/** The class with the most cases; ties go to the lower class index. */
function majority(counts: readonly number[]): number {
  let best = 0;
  for (let c = 1; c < counts.length; c++) if (counts[c] > counts[best]) best = c;
  return best;
}

export function leafOf(counts: readonly number[]): Leaf {
  return { kind: 'leaf', counts: [...counts], cls: majority(counts) };
}

export function predictTree(node: TreeNode, x: ArrayLike<number>): number {
  let n = node;
  while (n.kind === 'split') n = x[n.feature] <= n.threshold ? n.le : n.gt;
  return n.cls;
}

export interface PathRule {
  readonly terms: Term[];
  readonly cls: number;
  /** Training cases at the leaf and how many of them are of its class. */
  readonly cover: number;
  readonly correct: number;
}

/** One rule per leaf: the path's conditions (redundant bounds on a feature merged), the leaf's class. */
export function treeRules(root: TreeNode): PathRule[] {
  const out: PathRule[] = [];
  const walk = (n: TreeNode, path: Term[]) => {
    if (n.kind === 'leaf') {
      const cover = n.counts.reduce((a, b) => a + b, 0);
      out.push({ terms: simplifyClause(path) ?? path, cls: n.cls, cover, correct: n.counts[n.cls] ?? 0 });
      return;
    }
    walk(n.le, [...path, { feature: n.feature, op: '<=', value: n.threshold }]);
    walk(n.gt, [...path, { feature: n.feature, op: '>', value: n.threshold }]);
  };
  walk(root, []);
  return out;
}
