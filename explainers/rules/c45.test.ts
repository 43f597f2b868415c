// C4.5 against a slow, obviously-correct reference for gain ratio and threshold choice, plus pruning and CART.
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { deviate, addErrors } from './c45-pruning.js';
import { learnC45 } from './c45.js';
import { learnCart } from './cart.js';
import type { TreeData } from './tree-grow.js';
import { predictTree } from './tree.js';

const log2 = (v: number) => Math.log(v) / Math.log(2);
function refEntropy(labels: number[]): number {
  const m = new Map<number, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  let h = 0;
  for (const c of m.values()) h -= (c / labels.length) * log2(c / labels.length);
  return h;
}

/** The textbook C4.5 root split, by enumeration: every feature, every cut between distinct values. */
function referenceRoot(data: TreeData, minCases: number): { feature: number; threshold: number } | null {
  const rows = Array.from({ length: data.n }, (_, i) => i);
  const all = rows.map((i) => data.y[i]);
  const per: { feature: number; gain: number; ratio: number; mid: number }[] = [];
  for (let j = 0; j < data.d; j++) {
    const values = [...new Set(rows.map((i) => data.x[i * data.d + j]))].sort((a, b) => a - b);
    let best: { feature: number; gain: number; ratio: number; mid: number } | null = null;
    for (let v = 0; v < values.length - 1; v++) {
      const left = rows.filter((i) => data.x[i * data.d + j] <= values[v]).map((i) => data.y[i]);
      const right = rows.filter((i) => data.x[i * data.d + j] > values[v]).map((i) => data.y[i]);
      if (left.length < minCases || right.length < minCases) continue;
      const gain = refEntropy(all) - (left.length / data.n) * refEntropy(left) - (right.length / data.n) * refEntropy(right);
      const split = -(left.length / data.n) * log2(left.length / data.n) - (right.length / data.n) * log2(right.length / data.n);
      if (!best || gain > best.gain + 1e-12) best = { feature: j, gain, ratio: gain / split, mid: (values[v] + values[v + 1]) / 2 };
    }
    if (best) per.push(best);
  }
  const avg = per.reduce((a, p) => a + p.gain, 0) / per.length;
  const eligible = per.filter((p) => p.gain > 1e-10 && p.gain >= avg - 1e-10);
  if (eligible.length === 0) return null;
  const win = eligible.reduce((a, b) => (b.ratio > a.ratio + 1e-12 ? b : a));
  const observed = rows.map((i) => data.x[i * data.d + win.feature]).filter((v) => v <= win.mid);
  return { feature: win.feature, threshold: Math.max(...observed) };
}

function randomData(seed: number): TreeData {
  const rng = rngFor(seed, 'c45-oracle');
  const n = 12 + rng.int(30);
  const d = 1 + rng.int(4);
  const k = 2 + rng.int(2);
  const x = new Float32Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = rng.int(8) / 2;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = x[i * d] > 2 && rng.next() < 0.8 ? 1 : rng.int(k);
  return { x, n, d, y, numClasses: k };
}

describe('C4.5 root split against the reference', () => {
  it('chooses the same feature and observed-value threshold on 150 random data sets', () => {
    let compared = 0;
    for (let seed = 0; seed < 150; seed++) {
      const data = randomData(seed);
      for (const minCases of [1, 2, 4]) {
        const ref = referenceRoot(data, minCases);
        const { tree } = learnC45(data, { minCases, cf: 0, maxDepth: 1 });
        if (!ref) {
          expect(tree.kind).toBe('leaf');
          continue;
        }
        expect(tree.kind).toBe('split');
        if (tree.kind === 'split') {
          expect(tree.feature).toBe(ref.feature);
          expect(tree.threshold).toBe(ref.threshold);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("every threshold is the largest value in the WHOLE training set <= the node's cut midpoint", () => {
    let fromOtherNodes = 0;
    for (let seed = 0; seed < 60; seed++) {
      const data = randomData(seed);
      const { tree } = learnC45(data, { minCases: 1, cf: 0 });
      const walk = (node: typeof tree, rows: number[]) => {
        if (node.kind === 'leaf') return;
        const vals = rows.map((i) => data.x[i * data.d + node.feature]);
        const lo = Math.max(...vals.filter((v) => v <= node.threshold));
        const hi = Math.min(...vals.filter((v) => v > node.threshold));
        const global = Array.from({ length: data.n }, (_, i) => data.x[i * data.d + node.feature]);
        expect(node.threshold).toBe(Math.max(...global.filter((v) => v <= (lo + hi) / 2)));
        if (!vals.includes(node.threshold)) fromOtherNodes++;
        walk(node.le, rows.filter((i) => data.x[i * data.d + node.feature] <= node.threshold));
        walk(node.gt, rows.filter((i) => data.x[i * data.d + node.feature] > node.threshold));
      };
      walk(tree, Array.from({ length: data.n }, (_, i) => i));
    }
    // The rule matters: some thresholds are values seen only outside the node.
    expect(fromOtherNodes).toBeGreaterThan(0);
  });

  it('fits separable data exactly when unpruned', () => {
    const data = randomData(3);
    const y = Int32Array.from({ length: data.n }, (_, i) => (data.x[i * data.d] * 2) % 3 === 0 ? 1 : 0);
    const { tree } = learnC45({ ...data, y, numClasses: 2 }, { minCases: 1, cf: 0 });
    for (let i = 0; i < data.n; i++) expect(predictTree(tree, data.x.subarray(i * data.d, (i + 1) * data.d))).toBe(y[i]);
  });
});

describe('pessimistic pruning (C4.5 Release 8 numbers)', () => {
  it('interpolates z = 0.6925 at CF 25%', () => {
    expect(deviate(0.25)).toBeCloseTo(0.6925, 10);
  });
  it('adds the errors C4.5 adds', () => {
    // 0 errors in N: N (1 - CF^(1/N)); e.g. N = 6 gives 6 (1 - 0.25^(1/6)) = 1.2385
    expect(addErrors(6, 0, 0.25)).toBeCloseTo(6 * (1 - 0.25 ** (1 / 6)), 10);
    // e = 1 of N = 6, by the normal approximation with continuity correction
    const z2 = 0.6925 ** 2;
    const pr = (1.5 + z2 / 2 + Math.sqrt(z2 * (1.5 * (1 - 1.5 / 6) + z2 / 4))) / (6 + z2);
    expect(addErrors(6, 1, 0.25)).toBeCloseTo(6 * pr - 1, 10);
  });
  it('prunes a split that only fits noise and keeps one that carries the signal', () => {
    const n = 40;
    const x = Float32Array.from({ length: n }, (_, i) => i);
    const noisy = Int32Array.from({ length: n }, (_, i) => (i === 7 ? 1 : 0));
    expect(learnC45({ x, n, d: 1, y: noisy, numClasses: 2 }).tree.kind).toBe('leaf');
    const signal = Int32Array.from({ length: n }, (_, i) => (i < 20 ? 1 : 0));
    expect(learnC45({ x, n, d: 1, y: signal, numClasses: 2 }).tree.kind).toBe('split');
  });
});

describe('CART', () => {
  it('splits at midpoints by Gini', () => {
    const x = Float32Array.from([1, 2, 3, 10, 11, 12]);
    const y = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const { tree } = learnCart({ x, n: 6, d: 1, y, numClasses: 2 });
    expect(tree.kind === 'split' && tree.threshold).toBe(6.5);
  });
  it('respects depth and leaf-size bounds', () => {
    const data = randomData(11);
    const { tree } = learnCart(data, { maxDepth: 1 });
    expect(tree.kind === 'leaf' || (tree.le.kind === 'leaf' && tree.gt.kind === 'leaf')).toBe(true);
  });
});
