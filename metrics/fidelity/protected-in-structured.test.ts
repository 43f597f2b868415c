import { describe, expect, it } from 'vitest';
import { makeBatch } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import type { MetricContext, MetricValue, StructuredInput } from '../types.js';
import { protectedInCounterfactual, protectedInRules } from './protected-in-structured.js';

// 3 columns; the protected attribute is one-hot over columns 1 and 2.
const task = {
  id: 't',
  kind: 'tabular',
  sampleShape: [3],
  classes: ['no', 'yes'],
  featureNames: ['a', 'g = x', 'g = y'],
  baseline: new Float32Array(3),
  protectedAttribute: { feature: 1, name: 'g', trueEffect: NaN, levels: ['x', 'y'], columns: [1, 2] },
} as TaskView;
const ctx = { task, rng: (s: string, p: string) => rngFor(0, s, p) } as unknown as MetricContext;
const batch = makeBatch(Float32Array.from([0, 1, 0, 0, 1, 0, 0, 1, 0]), [3]);
const base = { batch, targets: Int32Array.from([0, 0, 0]), sampleIds: ['s0', 's1', 's2'], output: 'probability' as const };

describe('protected-in-counterfactual', () => {
  it('is 1 where the counterfactual moves a protected column, 0 where not, null where none was found', async () => {
    const cf = (input: number[]) => ({ input: input, counterfactual: { found: true }, samples: [{ role: 'counterfactual', input }] });
    const explanations = [cf([2, 1, 0]), cf([0, 0, 1]), { input: [0, 1, 0], counterfactual: { found: false }, samples: [] }];
    const input = { ...base, family: 'examples', explanations } as unknown as StructuredInput;
    const v = (await protectedInCounterfactual.evaluate(ctx, input, {})) as MetricValue[];
    expect(v).toEqual([0, 1, { null: 'no counterfactual found within the budget' }]);
  });
});

describe('protected-in-rules', () => {
  it('counts the rules with a condition on any of the attribute\'s columns', async () => {
    const rule = (feature: number) => ({ terms: [{ feature, op: '>', value: 0.5 }], cls: 1, support: 1, confidence: 1 });
    const state = (features: number[]) => ({
      ruleSet: { rules: features.map(rule), defaultClass: 0, numClasses: 2 },
      global: { rules: [] },
    });
    const input = (features: number[]) =>
      ({ ...base, family: 'rules', explanations: [], state: state(features) }) as unknown as StructuredInput;
    type Global = { values: MetricValue[]; details: Record<string, unknown> };
    const uses = (await protectedInRules.evaluate(ctx, input([0, 2, 2]), {})) as Global;
    expect(uses.values).toEqual([1, 1, 1]);
    expect(uses.details).toMatchObject({ rulesUsingAttribute: 2, rules: 3 });
    const none = (await protectedInRules.evaluate(ctx, input([0]), {})) as { values: MetricValue[] };
    expect(none.values).toEqual([0, 0, 0]);
  });
});
