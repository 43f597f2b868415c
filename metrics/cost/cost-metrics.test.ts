import { describe, expect, it } from 'vitest';
import { forwardPasses } from './forward-passes.js';
import { gradientPasses } from './gradient-passes.js';
import { seconds } from './seconds.js';
import type { AttributionInput, ExplanationCost, MetricContext, MetricValue } from '../types.js';

function input(cost?: ExplanationCost[]): AttributionInput {
  return {
    batch: { n: 2, sampleShape: [2], data: new Float32Array(4) },
    targets: new Int32Array(2),
    sampleIds: ['a', 'b'],
    attributions: new Float32Array(4),
    output: 'logit',
    cost,
  };
}
const noCtx = {} as MetricContext;

describe('cost metrics', () => {
  it('map the measured cost of each explanation', () => {
    const cost = [
      { seconds: 0.25, forwardPasses: 50, gradientPasses: 0 },
      { seconds: 1.5, forwardPasses: 0, gradientPasses: 32 },
    ];
    expect(seconds.evaluate(noCtx, input(cost), {})).toEqual([0.25, 1.5]);
    expect(forwardPasses.evaluate(noCtx, input(cost), {})).toEqual([50, 0]);
    expect(gradientPasses.evaluate(noCtx, input(cost), {})).toEqual([0, 32]);
  });

  it('are null when cost was not measured or is not a number', () => {
    expect(seconds.evaluate(noCtx, input(), {})).toEqual([{ null: 'cost not measured' }, { null: 'cost not measured' }]);
    const bad = [
      { seconds: NaN, forwardPasses: 1, gradientPasses: 1 },
      { seconds: 1, forwardPasses: -1, gradientPasses: 1 },
    ];
    expect((seconds.evaluate(noCtx, input(bad), {}) as MetricValue[])[0]).toEqual({ null: 'measured seconds is not a non-negative number' });
    expect((forwardPasses.evaluate(noCtx, input(bad), {}) as MetricValue[])[1]).toEqual({ null: 'measured forwardPasses is not a non-negative number' });
  });
});
