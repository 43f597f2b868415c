import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from './split.js';
import { applyScale, fitScale, invertScale } from './standardise.js';

describe('stratifiedSplit', () => {
  const y = Int32Array.from({ length: 200 }, (_, i) => (i < 50 ? 0 : i < 170 ? 1 : 2));

  it('is deterministic per data set id and differs between ids', () => {
    expect(stratifiedSplit(y, 'a')).toEqual(stratifiedSplit(y, 'a'));
    expect(stratifiedSplit(y, 'a').test).not.toEqual(stratifiedSplit(y, 'b').test);
  });

  it('partitions the rows and keeps 70% of every class in training', () => {
    const { train, test } = stratifiedSplit(y, 'a');
    expect([...train, ...test].sort((p, q) => p - q)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const count = (rows: number[], k: number) => rows.filter((r) => y[r] === k).length;
    expect([0, 1, 2].map((k) => count(train, k))).toEqual([35, 84, 21]);
    expect([0, 1, 2].map((k) => count(test, k))).toEqual([15, 36, 9]);
  });
});

describe('standardisation', () => {
  it('maps training data to mean 0 / std 1, floors constant columns, and inverts', () => {
    const x = Float32Array.from([1, 5, 100, 3, 5, 300, 5, 5, 200]);
    const s = fitScale(x, 3, 3);
    expect(Array.from(s.mean)).toEqual([3, 5, 200]);
    expect(s.std[1]).toBeGreaterThan(0);
    const z = applyScale(x, s);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 5);
    expect(z[1]).toBe(0);
    expect(Array.from(invertScale(z, s)).map((v) => Math.round(v * 1e4) / 1e4)).toEqual(Array.from(x));
  });
});
