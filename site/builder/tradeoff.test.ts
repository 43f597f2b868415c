import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  median,
  medianWithInterval,
  mulberry32,
  oriented,
  readRelation,
  spearman,
  summarisePairs,
} from '../src/lib/tradeoff.js';

describe('spearman', () => {
  it('is 1 for a monotone relation, -1 for a reversed one, and uses average ranks for ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(averageRanks([5, 1, 5, 2])).toEqual([3.5, 1, 3.5, 2]);
    // scipy.stats.spearmanr([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });

  it('is undefined below three pairs or with a constant side', () => {
    expect(spearman([1, 2], [1, 2])).toBeNull();
    expect(spearman([1, 2, 3], [7, 7, 7])).toBeNull();
  });

  it('orients a lower-is-better metric so that a positive rho means better with better', () => {
    // Faithfulness higher is better; an error that falls as faithfulness rises is "better with better".
    const faith = [0.1, 0.5, 0.9];
    const error = [3, 2, 1];
    expect(spearman(oriented(faith, 'higher'), oriented(error, 'lower'))).toBeCloseTo(1, 12);
    expect(spearman(faith, error)).toBeCloseTo(-1, 12);
  });
});

describe('the median over tasks and its interval', () => {
  it('is seeded: the same seed gives the same interval, which contains the median', () => {
    const rhos = [0.2, 0.5, 0.6, 0.7, 0.8, 0.65, 0.55, 0.9];
    const a = medianWithInterval(rhos, 7)!;
    expect(a).toEqual(medianWithInterval(rhos, 7));
    expect(a.median).toBeCloseTo(median(rhos), 12);
    expect(a.ci![0]).toBeLessThanOrEqual(a.median);
    expect(a.ci![1]).toBeGreaterThanOrEqual(a.median);
    expect(a.ci![0]).toBeGreaterThanOrEqual(0.2);
    const r = mulberry32(1);
    const draws = Array.from({ length: 1000 }, r);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('gives no interval below three tasks', () => {
    expect(medianWithInterval([0.5, 0.7], 0)).toEqual({ median: 0.6, ci: null });
    expect(medianWithInterval([], 0)).toBeNull();
  });
});

describe('the wording rule', () => {
  it('reads the sign of the interval', () => {
    expect(readRelation([0.5, 0.7])).toBe('aligned');
    expect(readRelation([-0.7, -0.1])).toBe('trade-off');
    expect(readRelation([-0.2, 0.4])).toBe('unclear');
    expect(readRelation(null)).toBe('too-few');
  });

  it('summarises per plotted pair: positive rhos on every task read as no trade-off', () => {
    const charts = [
      ...[0.6, 0.7, 0.5, 0.8, 0.65].map((rho, i) => ({ task: `t${i}`, x: 'faithfulness-correlation', y: 'sparseness', rho })),
      { task: 'undefined', x: 'faithfulness-correlation', y: 'sparseness', rho: null },
      ...[-0.6, -0.4, -0.8].map((rho, i) => ({ task: `u${i}`, x: 'pgi', y: 'sparseness', rho })),
    ];
    const [a, b] = summarisePairs(charts, 0);
    expect(a).toMatchObject({ x: 'faithfulness-correlation', y: 'sparseness', median: 0.65, relation: 'aligned' });
    expect(a.perTask).toHaveLength(5);
    expect(b).toMatchObject({ x: 'pgi', relation: 'trade-off' });
  });

  it('counts a data set trained with several seeds once: its replicates are averaged before the median', () => {
    // t0 and its two replicates (rho 0.9) would make the median 0.9 if counted as three tasks.
    const rhos: [string, number][] = [
      ['t0', 0.9],
      ['t0-s2', 0.9],
      ['t0-s3', 0.9],
      ['t1', 0.1],
      ['t2', 0.2],
    ];
    const charts = rhos.map(([task, rho]) => ({ task, x: 'a', y: 'b', rho }));
    expect(summarisePairs(charts, 0)[0].median).toBe(0.9);
    const [merged] = summarisePairs(charts, 0, (t) => t.replace(/-s\d+$/, ''));
    expect(merged.perDataset).toEqual([
      { dataset: 't0', rho: 0.9 },
      { dataset: 't1', rho: 0.1 },
      { dataset: 't2', rho: 0.2 },
    ]);
    expect(merged.median).toBe(0.2);
  });
});
