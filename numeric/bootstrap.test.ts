import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { pairedBootstrap } from './bootstrap.js';
import { quantileSorted } from './quantile.js';

function normals(seed: number, n: number, mu: number, sd: number): number[] {
  const rng = rngFor(seed, 'test-data');
  return Array.from({ length: n }, () => mu + sd * rng.normal());
}

const opts = { seed: 7, stream: ['bootstrap', 'task', 'metric'], resamples: 1000 };

describe('quantileSorted', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10], 0.3)).toBe(10);
  });
});

describe('pairedBootstrap', () => {
  it('is deterministic for a seed and stream, and changes with them', () => {
    const v = new Map([['a', normals(1, 30, 0, 1)], ['b', normals(2, 30, 0, 1)]]);
    const r1 = pairedBootstrap(v, opts);
    const r2 = pairedBootstrap(v, opts);
    expect(r2.explainers.get('a')).toEqual(r1.explainers.get('a'));
    expect(r2.pairs).toEqual(r1.pairs);
    const r3 = pairedBootstrap(v, { ...opts, seed: 8 });
    expect(r3.explainers.get('a')!.ci).not.toEqual(r1.explainers.get('a')!.ci);
    const r4 = pairedBootstrap(v, { ...opts, stream: ['bootstrap', 'task', 'other'] });
    expect(r4.explainers.get('a')!.ci).not.toEqual(r1.explainers.get('a')!.ci);
  });

  it('gives the exact mean and an interval that contains it', () => {
    const xs = normals(3, 40, 5, 2);
    const r = pairedBootstrap(new Map([['a', xs]]), opts).explainers.get('a')!;
    expect(r.mean).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 12);
    expect(r.n).toBe(40);
    expect(r.ci![0]).toBeLessThan(r.mean!);
    expect(r.ci![1]).toBeGreaterThan(r.mean!);
    // Roughly mean ± 1.96 sd/sqrt(n) for a normal sample.
    const half = (r.ci![1] - r.ci![0]) / 2;
    expect(half).toBeGreaterThan(0.6 * 1.96 * (2 / Math.sqrt(40)));
    expect(half).toBeLessThan(1.4 * 1.96 * (2 / Math.sqrt(40)));
  });

  it('gives a constant column its value exactly, with a zero-width interval (no rounding noise)', () => {
    // 0.936 summed 50 times and divided by 50 is not 0.936 in floating point.
    const c = Array.from({ length: 50 }, () => 0.936);
    const withNull = [...c.slice(0, 49), null];
    const shifted = c.map((x) => x - 0.1);
    const r = pairedBootstrap(new Map<string, (number | null)[]>([['a', c], ['b', withNull], ['c', shifted]]), opts);
    expect(r.explainers.get('a')).toEqual({ mean: 0.936, n: 50, ci: [0.936, 0.936] });
    expect(r.explainers.get('b')).toEqual({ mean: 0.936, n: 49, ci: [0.936, 0.936] });
    const ab = r.pairs.find((p) => p.a === 'a' && p.b === 'b')!;
    expect(ab).toMatchObject({ meanDifference: 0, ci: [0, 0], n: 49, tied: true });
    // A constant difference is exact too, and separates the pair.
    const ac = r.pairs.find((p) => p.a === 'a' && p.b === 'c')!;
    expect(ac.ci).toEqual([0.936 - (0.936 - 0.1), 0.936 - (0.936 - 0.1)]);
    expect(ac.tied).toBe(false);
  });

  it('shrinks the interval as n grows', () => {
    const width = (n: number) => {
      const ci = pairedBootstrap(new Map([['a', normals(4, n, 0, 1)]]), opts).explainers.get('a')!.ci!;
      return ci[1] - ci[0];
    };
    const w20 = width(20);
    const w320 = width(320);
    // Width scales as 1/sqrt(n): a 16-fold n should give about a quarter of the width.
    expect(w320).toBeLessThan(w20 / 2.5);
    expect(w320).toBeGreaterThan(w20 / 6);
  });

  it('separates a clearly better explainer and ties identical ones', () => {
    const base = normals(5, 30, 0, 1);
    const better = base.map((x, i) => x + 0.5 + 0.1 * Math.sin(i));
    const r = pairedBootstrap(new Map([['base', base], ['better', better], ['copy', [...base]]]), opts);
    const pair = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b)!;
    expect(pair('base', 'better').tied).toBe(false);
    expect(pair('base', 'better').ci![1]).toBeLessThan(0);
    expect(pair('base', 'better').meanDifference).toBeCloseTo(-0.5 - (better.reduce((s, _x, i) => s + 0.1 * Math.sin(i), 0) / 30), 10);
    expect(pair('base', 'copy')).toMatchObject({ tied: true, ci: [0, 0], meanDifference: 0, n: 30 });
    expect(pair('better', 'copy').tied).toBe(false);
  });

  it('pairs samples: a shift far below the between-sample spread is still separated', () => {
    // Unpaired intervals of these two overlap widely; the paired difference is always +0.05.
    const base = normals(6, 25, 0, 3);
    const shifted = base.map((x) => x + 0.05);
    const r = pairedBootstrap(new Map([['a', shifted], ['b', base]]), opts);
    const ea = r.explainers.get('a')!.ci!;
    const eb = r.explainers.get('b')!.ci!;
    expect(ea[0]).toBeLessThan(eb[1]);
    expect(r.pairs[0].tied).toBe(false);
    expect(r.pairs[0].ci![0]).toBeCloseTo(0.05, 10);
  });

  it('leaves nulls out of means and differences', () => {
    const a = [1, 2, null, 4, 5, null];
    const b = [2, null, 3, 5, 6, 7];
    const r = pairedBootstrap(new Map([['a', a], ['b', b]]), opts);
    expect(r.explainers.get('a')).toMatchObject({ mean: 3, n: 4 });
    expect(r.explainers.get('b')).toMatchObject({ mean: 23 / 5, n: 5 });
    // Both non-null at indices 0, 3, 4: differences -1, -1, -1.
    expect(r.pairs[0]).toMatchObject({ n: 3, meanDifference: -1, tied: false });
    expect(r.pairs[0].ci![0]).toBeCloseTo(-1, 12);
    expect(r.pairs[0].ci![1]).toBeCloseTo(-1, 12);
  });

  it('has no interval with fewer than 2 values, and then counts a pair as tied', () => {
    const r = pairedBootstrap(new Map([['a', [1, null, null]], ['b', [null, 5, 6]], ['c', [null, null, null]]]), opts);
    expect(r.explainers.get('a')).toEqual({ mean: 1, n: 1, ci: null });
    expect(r.explainers.get('c')).toEqual({ mean: null, n: 0, ci: null });
    expect(r.pairs.find((p) => p.a === 'a' && p.b === 'b')).toMatchObject({ n: 0, meanDifference: null, ci: null, tied: true });
  });

  it('agrees with a slow, obviously-correct bootstrap drawing the same indices', () => {
    const rng = rngFor(9, 'oracle-data');
    const m = 17;
    const cols = ['a', 'b', 'c'].map(() => Array.from({ length: m }, () => (rng.next() < 0.2 ? null : rng.normal())));
    const fast = pairedBootstrap(new Map([['a', cols[0]], ['b', cols[1]], ['c', cols[2]]]), { ...opts, resamples: 300 });
    // Slow: materialise each resample's index list from the same stream and average directly.
    const draw = rngFor(opts.seed, ...opts.stream);
    const colMeans: number[][] = [[], [], []];
    const diffs: number[][] = [[], [], []];
    const pairs: [number, number][] = [[0, 1], [0, 2], [1, 2]];
    for (let r = 0; r < 300; r++) {
      const idx = Array.from({ length: m }, () => draw.int(m));
      cols.forEach((c, k) => {
        const v = idx.map((i) => c[i]).filter((x): x is number => x !== null);
        if (v.length) colMeans[k].push(v.reduce((s, x) => s + x, 0) / v.length);
      });
      pairs.forEach(([a, b], k) => {
        const d = idx.filter((i) => cols[a][i] !== null && cols[b][i] !== null).map((i) => cols[a][i]! - cols[b][i]!);
        if (d.length) diffs[k].push(d.reduce((s, x) => s + x, 0) / d.length);
      });
    }
    const ci = (xs: number[]) => {
      const s = [...xs].sort((p, q) => p - q);
      return [quantileSorted(s, 0.025), quantileSorted(s, 0.975)];
    };
    ['a', 'b', 'c'].forEach((id, k) => {
      const got = fast.explainers.get(id)!.ci!;
      const want = ci(colMeans[k]);
      expect(got[0]).toBeCloseTo(want[0], 10);
      expect(got[1]).toBeCloseTo(want[1], 10);
    });
    pairs.forEach((_, k) => {
      const want = ci(diffs[k]);
      expect(fast.pairs[k].ci![0]).toBeCloseTo(want[0], 10);
      expect(fast.pairs[k].ci![1]).toBeCloseTo(want[1], 10);
    });
  });

  it('rejects misaligned values', () => {
    expect(() => pairedBootstrap(new Map([['a', [1, 2]], ['b', [1]]]), opts)).toThrow(/aligned/);
  });
});
