import { describe, expect, it } from 'vitest';
import { f1 } from './attribute-f1.js';
import { auroc } from './novelty-auroc.js';
import { jaccard, ndcg } from './similar-class-ndcg.js';
import { harmonicMean, perClassAccuracy } from './zero-shot-state.js';

describe('concept-path metric helpers', () => {
  it('per-class accuracy averages classes, not images; H is the harmonic mean', () => {
    const r = perClassAccuracy([1, 1, 1, 1, 2], [1, 1, 1, 1, 0], [1, 2]);
    expect(r.mean).toBe(0.5);
    expect(r.perClass).toEqual({ '1': 1, '2': 0 });
    expect(harmonicMean(0.8, 0.2)).toBeCloseTo(0.32, 12);
    expect(harmonicMean(0, 0)).toBe(0);
  });

  it('AUROC by ranks: perfect, reversed, ties count half', () => {
    expect(auroc([3, 4], [1, 2])).toBe(1);
    expect(auroc([1, 2], [3, 4])).toBe(0);
    expect(auroc([1, 1], [1, 1])).toBe(0.5);
    expect(auroc([2, 0], [1])).toBe(0.5);
  });

  it('F1, Jaccard and NDCG by hand', () => {
    expect(f1(['a', 'b'], ['b', 'c', 'd'])).toBeCloseTo((2 * 0.5 * (1 / 3)) / (0.5 + 1 / 3), 12);
    expect(f1([], [])).toBeNull();
    expect(f1(['x'], ['y'])).toBe(0);
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3, 12);
    const gains = new Map([
      [1, 1],
      [2, 0.5],
      [3, 0],
    ]);
    expect(ndcg([1, 2], gains)).toBe(1);
    expect(ndcg([2, 1], gains)).toBeCloseTo((0.5 + 1 / Math.log2(3)) / (1 + 0.5 / Math.log2(3)), 12);
    expect(ndcg([3], new Map([[3, 0]]))).toBeNull();
  });
});
