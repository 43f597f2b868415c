import { describe, expect, it } from 'vitest';
import { kendallTauB } from './kendall-tau.js';

describe('kendallTauB', () => {
  it('is 1 for the same order, -1 for the reverse, whatever the scales', () => {
    expect(kendallTauB([1, 2, 3, 4], [10, 20, 30, 400])).toBe(1);
    expect(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it('corrects for ties as scipy.stats.kendalltau (variant b) does', () => {
    // scipy's documented example: 2 concordant, 6 discordant, ties 2 in x and 1 in y (one pair tied in both):
    // (2 - 6) / sqrt((10 - 2) * (10 - 1)) = -0.47140452079103173.
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-4 / Math.sqrt(72), 14);
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 14);
    // One tie in x only: 5 concordant, 0 discordant, 1 tie in x: 5 / sqrt(5 * 6).
    expect(kendallTauB([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(5 / Math.sqrt(30), 14);
  });

  it('is null when a side is constant or there is no pair', () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1], [2])).toBeNull();
    expect(() => kendallTauB([1, 2], [1])).toThrow(RangeError);
  });
});
