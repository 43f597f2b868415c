import { describe, expect, it } from 'vitest';
import { submodularPick } from './submodular-pick.js';

const e = (...pairs: [string, number][]) => pairs.map(([name, weight]) => ({ name, weight }));

describe('SP-LIME submodular pick', () => {
  it('computes importance sqrt(sum |W|) and picks greedily by covered importance', () => {
    const exps = [e(['a', 1], ['b', 0.5]), e(['a', -4]), e(['c', 0.09], ['b', 0.5]), e(['d', 0.25])];
    // I_a = sqrt(5), I_b = 1, I_c = 0.3, I_d = 0.5.
    const r = submodularPick(exps, 2);
    const imp = Object.fromEntries(r.features.map((f) => [f.name, f.importance]));
    expect(imp.a).toBeCloseTo(Math.sqrt(5), 12);
    expect(imp.b).toBeCloseTo(1, 12);
    expect(imp.c).toBeCloseTo(0.3, 12);
    expect(imp.d).toBeCloseTo(0.5, 12);
    // Round 1: {0} covers a+b = 3.236, the best. Round 2: 2 adds c (0.3), 3 adds d (0.5): pick 3.
    expect(r.indices).toEqual([0, 3]);
    expect(r.coverage).toBeCloseTo(Math.sqrt(5) + 1 + 0.5, 12);
    expect(r.totalCoverage).toBeCloseTo(Math.sqrt(5) + 1 + 0.3 + 0.5, 12);
    expect(r.features.filter((f) => f.covered).map((f) => f.name)).toEqual(['a', 'b', 'd']);
  });

  it('keeps the last of tied maximisers and caps the budget at the number of explanations', () => {
    const r = submodularPick([e(['x', 1]), e(['x', 1]), e(['x', -1])], 5);
    expect(r.indices).toEqual([2, 1, 0]);
    expect(new Set(r.indices).size).toBe(3);
  });
});
