import { describe, expect, it } from 'vitest';
import { pearson } from './pearson.js';
import { cronbachAlpha } from './cronbach-alpha.js';

describe('cronbachAlpha', () => {
  it('matches a worked example', () => {
    // Items over 4 observations. Sample variances: 5/3, 4.75/3, 5/3 (sum 14.75/3); the totals 4, 8, 8, 13
    // have variance 40.75/3. alpha = 3/2 * (1 - 14.75/40.75) = 39/40.75 = 156/163.
    const r = cronbachAlpha([
      [1, 2, 3, 4],
      [2, 3, 3, 5],
      [1, 3, 2, 4],
    ]);
    expect(r.alpha).toBeCloseTo(156 / 163, 14);
    expect(r).toMatchObject({ items: 3, observations: 4 });
  });

  it('standardised, equals k r / (1 + (k - 1) r) of the mean inter-item correlation', () => {
    // Two items with r = 0.8 (hand: sxy 4, sxx = syy = 5): 2 * 0.8 / 1.8 = 8/9, whatever their scales.
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 14);
    expect(cronbachAlpha([[1, 2, 3, 4], [100, 300, 200, 400]], { standardised: true }).alpha).toBeCloseTo(8 / 9, 14);
    // Raw, the large-scale item dominates: not 8/9.
    expect(cronbachAlpha([[1, 2, 3, 4], [100, 300, 200, 400]]).alpha).not.toBeCloseTo(8 / 9, 3);
    // Perfectly related items: 1; an item and its negation: the totals are constant.
    expect(cronbachAlpha([[1, 2, 3], [10, 20, 30]], { standardised: true }).alpha).toBe(1);
    expect(() => cronbachAlpha([[1, 2, 3], [-1, -2, -3]], { standardised: true })).toThrow(/totals are constant/);
  });

  it('names what makes it undefined', () => {
    expect(() => cronbachAlpha([[1, 2, 3]])).toThrow(/at least 2 items/);
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2 observations/);
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(/one value per observation/);
    expect(() => cronbachAlpha([[1, 2, 3], [5, 5, 5]], { standardised: true })).toThrow(/item 1 is constant/);
  });
});
