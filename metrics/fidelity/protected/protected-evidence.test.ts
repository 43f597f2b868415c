import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import type { TypedFeature } from '../../../datasets/task.js';
import { protectedProminence } from './attribution-share.js';
import { detectionScore } from './detection-score.js';
import { groupGap } from './group-gap.js';

const opts = { seed: 1, stream: ['test'] };

describe('protectedProminence', () => {
  const features: TypedFeature[] = [
    { kind: 'numeric', name: 'age', unit: 'years', columns: [0] },
    { kind: 'categorical', name: 'purpose', levels: ['car', 'tv', 'other'], encoding: 'one-hot', columns: [1, 2, 3] },
    { kind: 'categorical', name: 'sex', levels: ['female', 'male'], encoding: 'binary', columns: [4] },
  ];
  it('sums a one-hot feature over its columns before sharing and ranking', () => {
    // |a|: age 2, purpose 1 + 1 + 1 = 3, sex 5 -> shares 0.2, 0.3, 0.5
    expect(protectedProminence([2, -1, 1, 1, -5], features, 'sex')).toEqual({ share: 0.5, rank: 1 });
    expect(protectedProminence([2, -1, 1, 1, -0.5], features, 'sex')).toEqual({ share: 0.5 / 5.5, rank: 3 });
    expect(protectedProminence([0, 0, 0, 0, 0], features, 'sex')).toEqual({ share: null, rank: 1 });
  });
});

describe('groupGap', () => {
  it('gives group means and the gap between them on a hand-made case', () => {
    // group a: 0.2, 0.4, null -> 0.3 (n 2); group b: 0.8, 0.6, 0.7 -> 0.7 (n 3): gap 0.4
    const g = groupGap([0.2, 0.8, 0.4, 0.6, null, 0.7], [0, 1, 0, 1, 0, 1], ['a', 'b'], opts);
    expect(g.groups).toEqual([
      { group: 'a', n: 2, mean: expect.closeTo(0.3, 10) },
      { group: 'b', n: 3, mean: expect.closeTo(0.7, 10) },
    ]);
    expect(g.gap!.estimate).toBeCloseTo(0.4, 10);
    // resampling within groups: a's means range over {0.2, 0.3, 0.4}, b's over [0.6, 0.8]: gap in [0.2, 0.6]
    expect(g.gap!.ci![0]).toBeGreaterThanOrEqual(0.2 - 1e-12);
    expect(g.gap!.ci![1]).toBeLessThanOrEqual(0.6 + 1e-12);
  });
  it('gives an interval that reaches 0 when both groups draw from one distribution', () => {
    // max - min recomputed per resample would never reach 0; the fixed pair's difference changes sign.
    const rng = rngFor(5, 'gap');
    let crossing = 0;
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 60 }, () => rng.next());
      const g = groupGap(values, values.map((_, i) => i % 2), ['a', 'b'], opts);
      if (g.gap!.ci![0] <= 0 && g.gap!.ci![1] >= 0) crossing++;
    }
    // a 95% interval covers the true difference 0 in about 19 of 20 trials
    expect(crossing).toBeGreaterThanOrEqual(16);
  });
  it('has no gap when only one group has values', () => {
    expect(groupGap([1, null], [0, 1], ['a', 'b'], opts).gap).toBeNull();
  });
});

describe('detectionScore', () => {
  it('is 1 when every biased-model share is above every fair-model share, 0.5 for shares from one distribution', () => {
    expect(detectionScore([0.5, 0.6, 0.7], [0.1, 0.2, 0.3], opts).estimate).toBe(1);
    const rng = rngFor(3, 'shares');
    const draw = () => Array.from({ length: 200 }, () => rng.next());
    const chance = detectionScore(draw(), draw(), opts);
    expect(chance.ci![0]).toBeLessThan(0.5);
    expect(chance.ci![1]).toBeGreaterThan(0.5);
  });
});
