/**
 * Recursive partitioning shared by the C4.5 and CART learners: each node keeps its rows sorted by every
 * feature (sorted once at the root, then split stably), so a node costs O(features x rows) instead of a
 * sort per feature per node; that is what makes trees over 784 pixels and 8000 rows affordable.
 * The criterion (gain ratio, Gini) and the threshold placement are the learner's.
 */
import { type TreeNode, leafOf } from './tree.js';
import type { WorkBudget } from './work-budget.js';

/** The rows of a learning problem: n rows of d features, row-major, and a class per row. */
export interface TreeData {
  readonly x: Float32Array;
  readonly n: number;
  readonly d: number;
  readonly y: Int32Array;
  readonly numClasses: number;
}

/** What a criterion sees of a node: its class counts and, per feature, its rows sorted by that feature. */
export interface NodeView {
  readonly data: TreeData;
  readonly counts: readonly number[];
  readonly size: number;
  readonly orders: readonly Int32Array[];
  readonly depth: number;
}

export interface ChosenSplit {
  readonly feature: number;
  /** Rows with x <= threshold go left; must separate the node's rows into two non-empty parts. */
  readonly threshold: number;
}

export interface GrowOptions {
  /** Picks the split of a node, or null to make it a leaf. */
  choose(node: NodeView): ChosenSplit | null;
  readonly maxDepth: number;
  /** performance.now() after which every open node becomes a leaf. */
  readonly deadline: number;
  /** Optional work budget: each split search spends rows x features of its node; once spent, open nodes become leaves. */
  readonly work?: WorkBudget;
}

export interface GrowResult {
  readonly tree: TreeNode;
  /** True when the deadline cut growth short. */
  readonly timedOut: boolean;
  /** True when the work budget cut growth short. */
  readonly workedOut: boolean;
}

function classCounts(y: Int32Array, rows: ArrayLike<number>, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (let i = 0; i < rows.length; i++) c[y[rows[i]]]++;
  return c;
}

/**
 * Calls `visit` at every position where the node's rows, sorted by feature j, can be cut: between two
 * different values, with at least `minSide` rows on each side. `left` holds the class counts of rows
 * [0, pos], `lo` and `hi` the values either side of the cut.
 */
export function scanCuts(
  node: NodeView,
  j: number,
  minSide: number,
  visit: (pos: number, left: readonly number[], lo: number, hi: number) => void,
): void {
  const { x, d, y, numClasses } = node.data;
  const order = node.orders[j];
  const left = new Array<number>(numClasses).fill(0);
  for (let p = 0; p < order.length - 1; p++) {
    left[y[order[p]]]++;
    const lo = x[order[p] * d + j];
    const hi = x[order[p + 1] * d + j];
    if (lo === hi || p + 1 < minSide || order.length - p - 1 < minSide) continue;
    visit(p, left, lo, hi);
  }
}

export function growTree(data: TreeData, opts: GrowOptions): GrowResult {
  const { x, n, d, y, numClasses } = data;
  const orders: Int32Array[] = [];
  for (let j = 0; j < d; j++) {
    const o = Int32Array.from({ length: n }, (_, i) => i);
    o.sort((a, b) => x[a * d + j] - x[b * d + j] || a - b);
    orders.push(o);
  }
  const goesLeft = new Uint8Array(n);
  let timedOut = false;
  let workedOut = false;
  const grow = (nodeOrders: Int32Array[], depth: number): TreeNode => {
    const size = nodeOrders[0]?.length ?? 0;
    const counts = classCounts(y, nodeOrders[0] ?? new Int32Array(0), numClasses);
    if (d === 0 || counts.filter((c) => c > 0).length <= 1 || depth >= opts.maxDepth) return leafOf(counts);
    if (opts.work?.exhausted) {
      workedOut = true;
      return leafOf(counts);
    }
    if (performance.now() > opts.deadline) {
      timedOut = true;
      return leafOf(counts);
    }
    opts.work?.spend(size * d);
    const split = opts.choose({ data, counts, size, orders: nodeOrders, depth });
    if (!split) return leafOf(counts);
    let nLeft = 0;
    for (const r of nodeOrders[0]) {
      goesLeft[r] = x[r * d + split.feature] <= split.threshold ? 1 : 0;
      nLeft += goesLeft[r];
    }
    if (nLeft === 0 || nLeft === size) return leafOf(counts);
    const leftOrders: Int32Array[] = [];
    const rightOrders: Int32Array[] = [];
    for (let j = 0; j < d; j++) {
      const o = nodeOrders[j];
      const l = new Int32Array(nLeft);
      const r = new Int32Array(size - nLeft);
      let a = 0;
      let b = 0;
      for (let i = 0; i < o.length; i++) {
        if (goesLeft[o[i]]) l[a++] = o[i];
        else r[b++] = o[i];
      }
      leftOrders.push(l);
      rightOrders.push(r);
    }
    nodeOrders.length = 0; // let the parent's orders go before descending
    const le = grow(leftOrders, depth + 1);
    const gt = grow(rightOrders, depth + 1);
    return { kind: 'split', feature: split.feature, threshold: split.threshold, counts, le, gt };
  };
  const tree = grow(orders, 0);
  return { tree, timedOut, workedOut };
}
