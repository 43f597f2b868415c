/**
 * The statistical power of `xai-bench ci`: the smallest p-value its sign-flip test can give, and how many
 * cells Holm's correction then tolerates (README, "Regression checks": 6 cells with the quick profile's 8
 * samples).
 */
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/helpers/result-records.js';
import { signFlipTest } from '../../metrics/human/sign-flip.js';
import { ALPHA, compareRecords, hoeffdingP, smallestP } from './compare.js';

/** `cells` metrics on one task, each with 8 samples, the candidate worse by 0.5 on every sample. */
function consistentlyWorse(cells: number, n = 8) {
  const metrics = Array.from({ length: cells }, (_, i) => `m${i}`);
  const base = metrics.map((metric) => makeRecord({ explainer: 'e', metric, values: Array.from({ length: n }, (_, i) => 1 + i / 10) }));
  const cand = base.map((r) => ({ ...r, values: r.values.map((v) => v! - 0.5) }));
  return compareRecords(base, cand, [{ baseline: 'e', candidate: 'e' }], () => 0.01);
}

describe('ci comparison power', () => {
  it('the smallest p is 2/2^n for the exact test and twice the Hoeffding bound above 20 samples', () => {
    expect(smallestP(8)).toBe(1 / 128);
    expect(smallestP(20)).toBe(2 / 2 ** 20);
    // n equal differences: 2 x 2 exp(-n/2), far below the Monte Carlo floor 1/10001.
    expect(smallestP(21)).toBeCloseTo(4 * Math.exp(-10.5), 12);
    expect(smallestP(50)).toBeCloseTo(4 * Math.exp(-25), 15);
    expect(Math.floor(ALPHA / smallestP(50))).toBeGreaterThan(1e8);
  });

  it('the Hoeffding bound is a valid p-value: never below the exact sign-flip p', () => {
    for (let k = 0; k < 30; k++) {
      const d = Array.from({ length: 14 }, (_, i) => Math.sin(3.1 * i + k) + 0.3 * (k % 5));
      expect(hoeffdingP(d)).toBeGreaterThanOrEqual(signFlipTest(d).p - 1e-12);
    }
  });

  it(" with 25 samples a consistent regression passes Holm over 600 cells, more than the Monte Carlo floor 1/10001 allows", () => {
    const many = consistentlyWorse(600, 25);
    expect(many.regressions).toBe(600);
    expect(many.warnings).toEqual([]);
    for (const c of many.cells) expect(c.p!).toBeLessThan(ALPHA / 600);
  });

  it('with 8 samples, Holm lets a consistent regression through in at most 6 cells', () => {
    expect(Math.floor(ALPHA / smallestP(8))).toBe(6);
    const six = consistentlyWorse(6);
    expect(six.regressions).toBe(6);
    expect(six.cells.every((c) => c.p === 1 / 128 && c.pAdjusted === 6 / 128)).toBe(true);
    expect(six.warnings).toEqual([]);
    const seven = consistentlyWorse(7);
    expect(seven.regressions).toBe(0);
    expect(seven.cells.every((c) => c.verdict === 'unchanged')).toBe(true);
    expect(seven.warnings).toEqual([expect.stringMatching(/^with 8 samples per cell and 7 cells, no change can pass Holm's correction \(smallest possible p 7\.8e-3\)/)]);
  });

  it('with 16 samples the same regression passes over many cells', () => {
    const many = consistentlyWorse(40, 16);
    expect(many.regressions).toBe(40);
    expect(many.warnings).toEqual([]);
  });
});
