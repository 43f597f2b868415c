import { describe, expect, it } from 'vitest';
import { attributionEntropy, complexity } from './complexity.js';
import { gini, sparseness } from './sparseness.js';
import type { AttributionInput, MetricContext, MetricValue } from '../types.js';

function input(attributions: number[], d: number): AttributionInput {
  const n = attributions.length / d;
  return {
    batch: { n, sampleShape: [d], data: new Float32Array(n * d) },
    targets: new Int32Array(n),
    sampleIds: Array.from({ length: n }, (_, i) => `s${i}`),
    attributions: Float32Array.from(attributions),
    output: 'logit',
  };
}
// These metrics never touch the model or random streams.
const noCtx = {} as MetricContext;

describe('sparseness (Gini)', () => {
  it('is (n-1)/n for one-hot, 0 for uniform, sign-blind and scale-free', () => {
    for (const n of [1, 2, 5, 50]) {
      const oneHot = Array.from({ length: n }, (_, j) => (j === n - 2 || n === 1 && j === 0 ? -3 : 0));
      expect(gini(oneHot)).toBeCloseTo((n - 1) / n, 12);
      expect(gini(new Array(n).fill(0.7))).toBeCloseTo(0, 12);
    }
    expect(gini([1, -2, 3, 0])).toBeCloseTo(gini([1e-9, 2e-9, -3e-9, 0]) as number, 12);
    // Ascending |a| = 0,1,2,3: sum (2i - n - 1) a_(i) = -3*0 - 1*1 + 1*2 + 3*3 = 10, over n sum = 24.
    expect(gini([3, 0, -2, 1])).toBeCloseTo(10 / 24, 12);
    expect(gini([0, 0, 0])).toBeNull();
  });

  it('evaluates per sample with nulls and reasons', () => {
    const v = sparseness.evaluate(noCtx, input([0, 0, 1, 0, 0, 0, 0, 0, 1, NaN, 0, 1], 4), {}) as MetricValue[];
    expect(v[0]).toBeCloseTo(0.75, 12);
    expect(v[1]).toEqual({ null: 'attribution is all zero' });
    expect(v[2]).toEqual({ null: 'attribution has non-finite values' });
  });
});

describe('complexity (entropy)', () => {
  it('is ln n for uniform, 0 for one-hot, in nats', () => {
    for (const n of [1, 3, 784]) expect(attributionEntropy(new Array(n).fill(-0.2))).toBeCloseTo(Math.log(n), 10);
    expect(attributionEntropy([0, 0, 5, 0])).toBe(0);
    expect(attributionEntropy([1, -1, 0, 2])).toBeCloseTo(-(0.25 * Math.log(0.25) * 2 + 0.5 * Math.log(0.5)), 12);
    expect(attributionEntropy([0, 0])).toBeNull();
  });

  it('evaluates per sample with nulls and reasons', () => {
    const v = complexity.evaluate(noCtx, input([1, 1, 0, 0, 0, 0], 3), {}) as MetricValue[];
    expect(v[0]).toBeCloseTo(Math.log(2), 12);
    expect(v[1]).toEqual({ null: 'attribution is all zero' });
  });
});
