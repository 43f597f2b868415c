/**
 * The statistical power of `xai-bench ci`: the smallest p-value its sign-flip test can give, and how many
 * cells Holm's correction then tolerates (README, "Regression checks": 6 cells with the quick profile's 8
 * samples).
 */
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/helpers/result-records.js';
import { ALPHA, compareRecords, smallestP } from './compare.js';

/** `cells` metrics on one task, each with 8 samples, the candidate worse by 0.5 on every sample. */
function consistentlyWorse(cells: number, n = 8) {
  const metrics = Array.from({ length: cells }, (_, i) => `m${i}`);
  const base = metrics.map((metric) => makeRecord({ explainer: 'e', metric, values: Array.from({ length: n }, (_, i) => 1 + i / 10) }));
  const cand = base.map((r) => ({ ...r, values: r.values.map((v) => v! - 0.5) }));
  return compareRecords(base, cand, [{ baseline: 'e', candidate: 'e' }], () => 0.01);
}

describe('ci comparison power', () => {
  it('the smallest p is 2/2^n for the exact test and 1/(1 + 10000) for the Monte Carlo one', () => {
    expect(smallestP(8)).toBe(1 / 128);
    expect(smallestP(20)).toBe(2 / 2 ** 20);
    expect(smallestP(21)).toBe(1 / 10001);
    expect(smallestP(100)).toBe(1 / 10001);
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
