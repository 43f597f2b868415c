/** Known answers for the tests that compare methods: sign-flip, Wilcoxon signed-rank, Holm. */
import { describe, expect, it } from 'vitest';
import { holm } from './holm.js';
import { signFlipTest } from './sign-flip.js';
import { wilcoxonSignedRank } from './wilcoxon.js';

// Darwin's Zea mays data as analysed by Fisher (1935): cross- minus self-fertilised heights, 1/8 inch.
const darwin = [49, -67, 8, 16, 6, 23, 28, 41, 14, 29, 56, 24, 75, 60, -48];
// Hollander & Wolfe (1973) depression ratings, x = first visit, y = second visit (R's wilcox.test example).
const hwX = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const hwY = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

describe('sign-flip permutation test', () => {
  it("reproduces Fisher's exact answer on Darwin's data: 1726 of 32768 sign vectors, p = 0.0527", () => {
    const r = signFlipTest(darwin);
    expect(r.exact).toBe(true);
    expect(r.p * 32768).toBeCloseTo(1726, 6);
    expect(r.statistic).toBeCloseTo(314 / 15, 12);
  });

  it('agrees with the exact answer by Monte Carlo (Phipson-Smyth), seeded and reproducible', () => {
    const a = signFlipTest(darwin, { exactUpTo: 0, resamples: 20000, seed: 1, stream: ['t'] });
    const b = signFlipTest(darwin, { exactUpTo: 0, resamples: 20000, seed: 1, stream: ['t'] });
    expect(a.exact).toBe(false);
    expect(a.p).toBe(b.p);
    expect(Math.abs(a.p - 1726 / 32768)).toBeLessThan(0.006);
    const oneTo22 = Array.from({ length: 22 }, (_, i) => i + 1);
    expect(signFlipTest(oneTo22, { resamples: 100 }).p).toBeGreaterThan(0);
  });

  it('does not depend on the order or the overall sign of the differences', () => {
    const p = signFlipTest(darwin).p;
    expect(signFlipTest([...darwin].reverse()).p).toBe(p);
    expect(signFlipTest(darwin.map((x) => -x)).p).toBe(p);
    expect(signFlipTest([0, 0, 0]).p).toBe(1);
  });
});

describe('Wilcoxon signed-rank test', () => {
  it('reproduces Hollander & Wolfe: V = 40, one-sided p = 0.01953 (two-sided 0.0391), exact', () => {
    const r = wilcoxonSignedRank(hwX.map((x, i) => x - hwY[i]));
    expect(r.wPlus).toBe(40);
    expect(r.method).toBe('exact');
    expect(r.p).toBeCloseTo(2 * 0.01953, 4);
  });

  it("gives V = 96, p = 0.04126 on Darwin's data (exact, as R's wilcox.test)", () => {
    const r = wilcoxonSignedRank(darwin);
    expect(r.wPlus).toBe(96);
    expect(r.p).toBeCloseTo(0.04126, 5);
  });

  it('uses midranks, drops zeros and falls back to the normal approximation with ties', () => {
    const r = wilcoxonSignedRank([1, 1, -2, 3, 0, 4, 5]);
    expect(r.zeros).toBe(1);
    expect(r.n).toBe(6);
    expect(r.wPlus).toBe(1.5 + 1.5 + 4 + 5 + 6);
    expect(r.method).toBe('normal');
    // E = 10.5, Var = 6*7*13/24 - (8-2)/48 = 22.625, z = (18 - 10.5 - 0.5)/sqrt(22.625).
    expect(r.z).toBeCloseTo(7 / Math.sqrt(22.625), 12);
  });
});

describe('Holm adjustment', () => {
  it('steps down and keeps the input order', () => {
    const adj = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
    // 2 x 0.5 = 1 caps, and monotonicity lifts 0.9 to 1.
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
    expect(holm([0.02, 0.9])).toEqual([0.04, 0.9]);
    expect(holm([])).toEqual([]);
  });

  it('is invariant to permuting the p-values (up to the same permutation)', () => {
    const p = [0.2, 0.001, 0.04, 0.013, 0.5];
    const perm = [3, 0, 4, 1, 2];
    const a = holm(p);
    const b = holm(perm.map((i) => p[i]));
    perm.forEach((i, k) => expect(b[k]).toBeCloseTo(a[i], 15));
  });
});
