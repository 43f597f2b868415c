import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import { isUserError } from '../../core/errors.js';
import { rngFor } from '../../core/rng.js';
import { contextFor, imageTask, runExplainer, tabularTask, tinyConvNet } from '../../test/helpers/explainer-fixtures.js';
import { reluMlp } from '../../test/helpers/tiny-models.js';
import { fillCoalitionRows, fillGroupRows } from './coalition-rows.js';
import { kernelShapExplainer as kshap } from './kernel-shap.js';
import { binomial, shapleyCoalitions } from './shapley-coalitions.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/**
 * Exact Shapley values by the definition, slowly: v(S) = mean over background rows of the target
 * probability with the groups in S taken from x and the rest from the background row.
 */
function bruteForceShapley(
  engine: Engine,
  shape: number[],
  x: Float32Array,
  background: Float32Array[],
  groups: number[][],
  target: number,
): number[] {
  const m = groups.length;
  const d = x.length;
  const rows = new Float32Array((1 << m) * background.length * d);
  for (let s = 0; s < 1 << m; s++) {
    background.forEach((b, r) => {
      const row = Float32Array.from(b);
      groups.forEach((g, j) => {
        if (s & (1 << j)) for (const k of g) row[k] = x[k];
      });
      rows.set(row, (s * background.length + r) * d);
    });
  }
  const f = engine.targetOutputs(makeBatch(rows, shape), target, 'probability');
  const v = (s: number) => background.reduce((acc, _, r) => acc + f[s * background.length + r], 0) / background.length;
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  return groups.map((_, i) => {
    let phi = 0;
    for (let s = 0; s < 1 << m; s++) {
      if (s & (1 << i)) continue;
      let size = 0;
      for (let j = 0; j < m; j++) if (s & (1 << j)) size++;
      phi += ((fact(size) * fact(m - size - 1)) / fact(m)) * (v(s | (1 << i)) - v(s));
    }
    return phi;
  });
}

const MLP = () =>
  reluMlp(
    [[1, -0.5, 0.3], [0.2, 0.8, -1], [-0.7, 0.4, 0.5], [0.6, 0.1, 0.9], [-0.3, -0.6, 0.2]],
    [0.1, -0.2, 0.05],
    [[1, -1, 0.5], [-0.5, 1.2, 0.3], [0.8, 0.2, -1]],
    [0, 0.1, -0.1],
  );

describe('Shapley-kernel coalitions', () => {
  it('enumerate every coalition with Shapley-kernel weights when the budget allows', () => {
    const c = shapleyCoalitions(4, 100, rngFor(1, 'c'));
    expect(c.exhaustive).toBe(true);
    expect(c.count).toBe(14);
    const keys = new Set<string>();
    for (let i = 0; i < c.count; i++) {
      const mask = Array.from(c.masks.subarray(i * 4, i * 4 + 4));
      keys.add(mask.join(''));
      const s = mask.reduce((a, b) => a + b, 0);
      const kernel = (4 - 1) / (binomial(4, s) * s * (4 - s));
      expect(c.weights[i] / kernel).toBeCloseTo(c.weights[0] / ((4 - 1) / (binomial(4, 1) * 1 * 3)), 12);
    }
    expect(keys.size).toBe(14);
  });

  it('sample the rest of a small budget in complementary pairs, without duplicates', () => {
    const c = shapleyCoalitions(8, 40, rngFor(2, 'c'));
    expect(c.exhaustive).toBe(false);
    expect(c.count).toBe(40);
    const keys = new Set<string>();
    for (let i = 0; i < c.count; i++) keys.add(Array.from(c.masks.subarray(i * 8, i * 8 + 8)).join(''));
    expect(keys.size).toBe(40);
    // Sizes 1 and 7 (16 coalitions) are enumerated first; sampled sizes 2, 3 (and 6, 5) come with their
    // complements (but perhaps the very last draw); size 4 is its own complement size and is not paired.
    const sizeOf = (k: string) => [...k].filter((b) => b === '1').length;
    expect([...keys].filter((k) => sizeOf(k) === 1 || sizeOf(k) === 7).length).toBe(16);
    let unpaired = 0;
    for (const k of keys) if (sizeOf(k) !== 4 && !keys.has([...k].map((b) => (b === '1' ? '0' : '1')).join(''))) unpaired++;
    expect(unpaired).toBeLessThanOrEqual(1);
    expect(Array.from(c.weights).every((w) => w > 0)).toBe(true);
    const other = shapleyCoalitions(8, 40, rngFor(3, 'c'));
    expect(Array.from(other.masks)).not.toEqual(Array.from(c.masks));
  });
});

describe('coalition rows', () => {
  it('are filled for one-element players exactly as for groups, features equal to the background included', () => {
    const rng = rngFor(4, 'fill');
    const d = 9;
    const nb = 3;
    const x = Float32Array.from({ length: d }, () => rng.normal());
    const bg = Float32Array.from({ length: nb * d }, () => rng.normal());
    // Features 2 and 6 equal x in every background row (one as -0 against 0): they are no player.
    for (let r = 0; r < nb; r++) {
      bg[r * d + 2] = x[2];
      bg[r * d + 6] = 0;
    }
    x[6] = -0;
    const players = [0, 1, 3, 4, 5, 7, 8].map((k) => Int32Array.of(k));
    const c = shapleyCoalitions(players.length, 60, rng);
    const xs = new Float32Array(nb * d);
    for (let r = 0; r < nb; r++) xs.set(x, r * d);
    const fast = new Float32Array(c.count * nb * d);
    const general = new Float32Array(c.count * nb * d);
    fillCoalitionRows(fast, { x, xs, bg, nb, masks: c.masks, players }, 0, c.count);
    fillGroupRows(general, { x, xs, bg, nb, masks: c.masks, players }, 0, c.count);
    expect(Array.from(new Uint32Array(fast.buffer))).toEqual(Array.from(new Uint32Array(general.buffer)));
    // And a piece from the middle lands at the start of its output.
    const piece = new Float32Array(5 * nb * d);
    fillCoalitionRows(piece, { x, xs, bg, nb, masks: c.masks, players }, 10, 15);
    expect(Array.from(piece)).toEqual(Array.from(general.subarray(10 * nb * d, 15 * nb * d)));
  });
});

describe('kernel-shap', () => {
  it('equals brute-force exact Shapley values on a nonlinear tabular model (baseline background)', async () => {
    const model = await MLP();
    const task = tabularTask({ features: 5, classes: ['a', 'b', 'c'], baseline: [0.1, -0.2, 0, 0.3, 0.5] });
    const ctx = contextFor(model, task);
    const x = makeBatch(Float32Array.from([1.2, -0.8, 0.6, -1.5, 0.9, -0.4, 1.1, 0.7, 0.2, -1]), [5]);
    const before = tf.memory().numTensors;
    const a = await runExplainer(kshap, ctx, x, Int32Array.from([0, 2]));
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 2; i++) {
      const xi = x.data.subarray(i * 5, i * 5 + 5);
      const want = bruteForceShapley(ctx.engine, [5], xi, [task.baseline], [[0], [1], [2], [3], [4]], i === 0 ? 0 : 2);
      want.forEach((v, k) => expect(a.attributions[i * 5 + k]).toBeCloseTo(v, 5));
      expect(a.extras![i].exact).toBe(true);
      const fx = ctx.engine.targetOutputs(makeBatch(Float32Array.from(xi), [5]), i === 0 ? 0 : 2, 'probability')[0];
      const sum = Array.from(a.attributions.subarray(i * 5, i * 5 + 5)).reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo(fx - a.reference![i], 6);
    }
    const fb = ctx.engine.targetOutputs(makeBatch(Float32Array.from(task.baseline), [5]), 0, 'probability')[0];
    expect(a.reference![0]).toBeCloseTo(fb, 6);
  });

  it('averages over background rows drawn from the data, still exactly, and keeps efficiency when sampling', async () => {
    const model = await MLP();
    const rng = rngFor(9, 'bg');
    const bg = makeBatch(Float32Array.from({ length: 15 }, () => rng.uniform(-1, 1)), [5]);
    const task = tabularTask({ features: 5, classes: ['a', 'b', 'c'], background: bg });
    const ctx = contextFor(model, task);
    const x = makeBatch(Float32Array.from([1.2, -0.8, 0.6, -1.5, 0.9]), [5]);
    const a = await runExplainer(kshap, ctx, x, Int32Array.from([1]), { backgroundRows: 50 });
    expect(a.extras![0].backgroundRows).toBe(3);
    const rows = [0, 1, 2].map((r) => bg.data.slice(r * 5, r * 5 + 5));
    const want = bruteForceShapley(ctx.engine, [5], x.data, rows, [[0], [1], [2], [3], [4]], 1);
    want.forEach((v, k) => expect(a.attributions[k]).toBeCloseTo(v, 5));
    const meanBg = rows.reduce((s, r) => s + ctx.engine.targetOutputs(makeBatch(r, [5]), 1, 'probability')[0], 0) / 3;
    expect(a.reference![0]).toBeCloseTo(meanBg, 6);

    // A budget below 2^5 - 2 samples coalitions: no longer exact, but efficiency is enforced exactly.
    const s = await runExplainer(kshap, ctx, x, Int32Array.from([1]), { backgroundRows: 50, samples: 12 });
    expect(s.extras![0].exact).toBe(false);
    const fx = ctx.engine.targetOutputs(x, 1, 'probability')[0];
    expect(s.attributions.reduce((t, v) => t + v, 0)).toBeCloseTo(fx - s.reference![0], 6);
  });

  it('gives 0 to features equal to the background and needs data when asked for it', async () => {
    const model = await MLP();
    const task = tabularTask({ features: 5, classes: ['a', 'b', 'c'] });
    const ctx = contextFor(model, task);
    const a = await runExplainer(kshap, ctx, makeBatch(Float32Array.from([1, 0, 0.5, 0, -1]), [5]), Int32Array.from([0]));
    expect(a.attributions[1]).toBe(0);
    expect(a.attributions[3]).toBe(0);
    expect(a.extras![0].varyingGroups).toBe(3);
    let err: unknown;
    try {
      await runExplainer(kshap, ctx, makeBatch(new Float32Array(5), [5]), Int32Array.from([0]), { background: 'data' });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/kernel-shap\.background=data/);
  });

  it('explains images over grid cells exactly (4 cells) and spreads each cell value evenly', async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const xs = Float32Array.from({ length: 36 }, (_, i) => ((i * 7) % 11) / 10);
    const a = await runExplainer(kshap, ctx, makeBatch(xs, [6, 6, 1]), Int32Array.from([1]), { cell: 3 });
    const cells: number[][] = [[], [], [], []];
    for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) cells[Math.floor(r / 3) * 2 + Math.floor(c / 3)].push(r * 6 + c);
    const want = bruteForceShapley(ctx.engine, [6, 6, 1], xs, [new Float32Array(36)], cells, 1);
    const groupValues = a.extras![0].groupValues as number[];
    want.forEach((v, j) => {
      expect(groupValues[j]).toBeCloseTo(v, 5);
      for (const k of cells[j]) expect(a.attributions[k]).toBeCloseTo(v / 9, 6);
    });
  });

  it('explains images over SLIC superpixels with efficiency intact', async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const xs = new Float32Array(36);
    for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) xs[r * 6 + c] = c < 3 ? 0.9 : 0.2 + 0.01 * r;
    const x = makeBatch(xs, [6, 6, 1]);
    const a = await runExplainer(kshap, ctx, x, Int32Array.from([0]), { grouping: 'slic', segments: 4 });
    const segments = a.extras![0].segments as number[];
    expect(segments.length).toBe(36);
    expect(new Set(segments).size).toBe(a.extras![0].groups);
    const fx = ctx.engine.targetOutputs(x, 0, 'probability')[0];
    expect(a.attributions.reduce((t, v) => t + v, 0)).toBeCloseTo(fx - a.reference![0], 6);
    // No superpixel straddles the bright/dark edge at column 3.
    for (const l of new Set(segments)) {
      const sides = new Set(segments.flatMap((s, p) => (s === l ? [p % 6 < 3] : [])));
      expect(sides.size).toBe(1);
    }
  });
});
