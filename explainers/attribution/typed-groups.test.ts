/**
 * On a typed table, occlusion and KernelSHAP remove a one-hot categorical feature as one feature:
 * its columns together, the value shared among them so that the feature's attribution is their sum.
 * Known answers on a linear logit, where removing a group to the baseline drops the logit by
 * w . (x - baseline) over the group's columns, and exact KernelSHAP with a baseline background gives
 * the exact two-player Shapley values of the predicted probability (Lundberg & Lee 2017).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import type { TaskView } from '../../datasets/task.js';
import { contextFor, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { kernelShapExplainer } from './kernel-shap.js';
import { occlusionExplainer } from './occlusion.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const task: TaskView = {
  ...tabularTask({ features: 4, baseline: [0.5, 0.2, 0.3, 0.5] }),
  features: [
    { kind: 'numeric', name: 'age', unit: 'years', columns: [0] },
    { kind: 'categorical', name: 'purpose', levels: ['car', 'tv', 'other'], encoding: 'one-hot', columns: [1, 2, 3] },
  ],
};
// class-1 logit minus class-0 logit: 1.0 age + 2 [car] - 1 [tv] + 0.5 [other]; the class-1 logit alone is that.
const w = [[0, 1], [0, 2], [0, -1], [0, 0.5]];
const x = makeBatch(Float32Array.from([1.5, 0, 1, 0]), [4]);
// purpose group: w . (x - baseline) = 2 (0 - 0.2) - 1 (1 - 0.3) + 0.5 (0 - 0.5) = -0.4 - 0.7 - 0.25 = -1.35; age: 1 (1.5 - 0.5) = 1
const PURPOSE = -1.35;

describe('one-hot features as one coalition member', () => {
  it('occlusion removes the whole feature and shares the drop among its columns', async () => {
    const model = await linearSoftmax(w, [0, 0]);
    const r = await runExplainer(occlusionExplainer, contextFor(model, task), x, Int32Array.from([1]), { baseline: 'task' });
    const a = Array.from(r.attributions);
    expect(a[0]).toBeCloseTo(1, 5);
    expect(a[1] + a[2] + a[3]).toBeCloseTo(PURPOSE, 5);
    expect(a[1]).toBeCloseTo(a[2], 6);
  });

  it('KernelSHAP with two features (one of them one-hot) gives each its exact Shapley value', async () => {
    const model = await linearSoftmax(w, [0, 0]);
    const r = await runExplainer(kernelShapExplainer, contextFor(model, task), x, Int32Array.from([1]), { background: 'baseline' });
    const a = Array.from(r.attributions);
    // KernelSHAP explains the probability: with two players the Shapley values are exact averages of
    // the marginal contributions over the 4 coalitions (logits: none 0.85, age 1.85, purpose -0.5, both 0.5).
    const p = (z: number) => 1 / (1 + Math.exp(-z));
    const age = 0.5 * (p(1.85) - p(0.85) + (p(0.5) - p(-0.5)));
    const purpose = 0.5 * (p(-0.5) - p(0.85) + (p(0.5) - p(1.85)));
    expect(a[0]).toBeCloseTo(age, 4);
    expect(a[1] + a[2] + a[3]).toBeCloseTo(purpose, 4);
    expect(a[1]).toBeCloseTo(a[3], 6);
  });
});
