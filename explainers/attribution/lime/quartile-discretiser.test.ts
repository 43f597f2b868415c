import { describe, expect, it } from 'vitest';
import { binNames, binOf, percentile, quartileBins } from './quartile-discretiser.js';

describe('quartile discretiser: reference fixture 4', () => {
  it('bins a = 1..10 at [3.25, 5.5, 7.75] with the reference names and per-bin statistics', () => {
    const a = Array.from({ length: 10 }, (_, i) => i + 1);
    const b = quartileBins(a);
    expect(Array.from(b.quartiles)).toEqual([3.25, 5.5, 7.75]);
    expect(binNames('a', b.quartiles)).toEqual(['a <= 3.25', '3.25 < a <= 5.50', '5.50 < a <= 7.75', 'a > 7.75']);
    expect(binOf(b.quartiles, 3.25)).toBe(0);
    [2, 4.5, 6.5, 9].forEach((m, k) => expect(b.means[k]).toBeCloseTo(m, 12));
    [0.816497, 0.5, 0.5, 0.816497].forEach((s, k) => expect(Math.abs(b.stds[k] - s)).toBeLessThan(5e-7));
    expect(Array.from(b.mins)).toEqual([1, 3.25, 5.5, 7.75]);
    expect(Array.from(b.maxs)).toEqual([3.25, 5.5, 7.75, 10]);
    expect(Array.from(b.frequencies)).toEqual([0.3, 0.2, 0.2, 0.3]);
    const bb = quartileBins(a.map((v) => v * 10));
    expect(binOf(bb.quartiles, 80.5)).toBe(3);
  });

  it("interpolates percentiles as numpy does and merges repeated quartiles", () => {
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 12);
    expect(percentile([5], 75)).toBe(5);
    // A mostly-zero column: quartiles [0, 0, 1] -> [0, 1]; bin 2 (> 1) never occurs in training, and
    // bin 0 holds only zeros (min = max = 0, std 0 + 1e-11).
    const b = quartileBins([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(Array.from(b.quartiles)).toEqual([0, 1]);
    expect(Array.from(b.values)).toEqual([0, 1]);
    expect(Array.from(b.frequencies)).toEqual([5 / 8, 3 / 8]);
    expect(b.mins[0]).toBe(b.maxs[0]);
    expect(b.stds[0]).toBeCloseTo(1e-11, 20);
  });
});
