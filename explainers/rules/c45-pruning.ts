/**
 * C4.5's pessimistic error pruning (Quinlan 1993, Release 8 `prune.c`): a node's errors are estimated
 * by the upper limit of a binomial confidence interval at confidence CF (default 25%) on its training
 * errors, and a subtree is replaced by a leaf when the leaf's estimate is no worse than the subtree's
 * (within Quinlan's 0.1). Subtree raising (grafting the largest branch in place of its parent) is not
 * done: it only ever shrinks trees further, and the extracted rules are simplified separately.
 */
import { type TreeNode, leafOf } from './tree.js';

/** C4.5's table of normal deviates for interpolating z at confidence CF (`prune.c` Val / Dev). */
const VAL = [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.2, 0.4, 1];
const DEV = [4, 3.09, 2.58, 2.33, 1.65, 1.28, 0.84, 0.25, 0];

export function deviate(cf: number): number {
  if (!(cf > 0 && cf < 1)) throw new RangeError(`confidence CF must be in (0, 1), got ${cf}`);
  let i = 0;
  while (cf > VAL[i]) i++;
  return DEV[i - 1] + ((DEV[i] - DEV[i - 1]) * (cf - VAL[i - 1])) / (VAL[i] - VAL[i - 1]);
}

/** Extra errors to add to `e` observed errors among `n` cases (C4.5's AddErrs, the same branches). */
export function addErrors(n: number, e: number, cf: number): number {
  const coeff = deviate(cf) ** 2;
  if (e < 1e-6) return n * (1 - Math.exp(Math.log(cf) / n));
  if (e < 0.9999) {
    const v0 = n * (1 - Math.exp(Math.log(cf) / n));
    return v0 + e * (addErrors(n, 1, cf) - v0);
  }
  if (e + 0.5 >= n) return 0.67 * (n - e);
  const pr = (e + 0.5 + coeff / 2 + Math.sqrt(coeff * ((e + 0.5) * (1 - (e + 0.5) / n) + coeff / 4))) / (n + coeff);
  return n * pr - e;
}

function leafErrors(counts: readonly number[], cf: number): number {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return 0;
  const e = n - Math.max(...counts);
  return e + addErrors(n, e, cf);
}

export function prunePessimistic(node: TreeNode, cf: number): TreeNode {
  return pruneNode(node, cf).node;
}

function pruneNode(node: TreeNode, cf: number): { node: TreeNode; errors: number } {
  if (node.kind === 'leaf') return { node, errors: leafErrors(node.counts, cf) };
  const le = pruneNode(node.le, cf);
  const gt = pruneNode(node.gt, cf);
  const treeErr = le.errors + gt.errors;
  const asLeaf = leafErrors(node.counts, cf);
  if (asLeaf <= treeErr + 0.1) return { node: leafOf(node.counts), errors: asLeaf };
  return { node: { ...node, le: le.node, gt: gt.node }, errors: treeErr };
}
