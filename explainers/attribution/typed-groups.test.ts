/**
 * On a typed table, occlusion and KernelSHAP remove a one-hot categorical feature as one feature:
 * its columns together, the value shared among them so that the feature's attribution is their sum.
 * Known answers on a linear logit, where removing a group to the baseline drops the logit by
 * w . (x - baseline) over the group's columns, and exact KernelSHAP with a baseline background gives
 * the exact two-player Shapley values of the predicted probability (Lundberg & Lee 2017). LIME draws a
 * one-hot feature's level with its training frequency (Ribeiro et al. 2016's categorical features) and
 * fits one surrogate weight for it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import type { TaskView } from '../../datasets/task.js';
import { contextFor, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { rngFor } from '../../core/rng.js';
import { kernelShapExplainer } from './kernel-shap.js';
import { limeExplainer } from './lime/lime.js';
import { tabularNeighbourhood } from './lime/tabular-neighbourhood.js';
import { quartileBins } from './lime/quartile-discretiser.js';
import { levelSamplers, typedNeighbourhood } from './lime/typed-neighbourhood.js';
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

  // Background: age 0..2 in steps, purpose car 50%, tv 30%, other 20%.
  const rows = 100;
  const bg = new Float32Array(rows * 4);
  for (let r = 0; r < rows; r++) {
    bg[r * 4] = (r % 21) / 10;
    bg[r * 4 + 1 + (r < 50 ? 0 : r < 80 ? 1 : 2)] = 1;
  }
  const typedTask: TaskView = { ...task, background: makeBatch(bg, [4]) };

  it('LIME draws one level per one-hot feature with its training frequency, 1 where it is the instance\'s', () => {
    const samplers = levelSamplers(typedTask, typedTask.background!, Array.from({ length: rows }, (_, r) => r));
    const bins = [0, 1, 2, 3].map((c) => quartileBins(Float64Array.from({ length: rows }, (_, r) => bg[r * 4 + c])));
    const xi = x.data;
    const n = 4000;
    const nb = tabularNeighbourhood(xi, bins, n, rngFor(1, 'nb'));
    const typed = typedNeighbourhood(typedTask, xi, nb, samplers, n, rngFor(1, 'levels'));
    const seen = [0, 0, 0];
    for (let i = 1; i < n; i++) {
      const cols = [1, 2, 3].map((c) => nb.inputs[i * 4 + c]);
      expect(cols.reduce((a, b) => a + b, 0)).toBe(1);
      const level = cols.indexOf(1);
      seen[level]++;
      expect(typed.masks[i * 2 + 1]).toBe(level === 1 ? 1 : 0);
      expect(typed.masks[i * 2]).toBe(nb.masks[i * 4]);
    }
    expect(Array.from(typed.masks.subarray(0, 2))).toEqual([1, 1]);
    expect(seen.map((c) => c / (n - 1))).toEqual([expect.closeTo(0.5, 1), expect.closeTo(0.3, 1), expect.closeTo(0.2, 1)]);
  });

  it('LIME fits one weight for a one-hot feature and shares it among its columns', async () => {
    const model = await linearSoftmax(w, [0, 0]);
    const r = await runExplainer(limeExplainer, contextFor(model, typedTask), x, Int32Array.from([1]), { samples: 2000 });
    const a = Array.from(r.attributions);
    const extra = (r.extras as Record<string, unknown>[])[0] as { features: { name: string; weight: number }[] };
    expect(extra.features.map((f) => f.name).sort()).toEqual([expect.stringMatching(/^f0/), 'purpose = tv'].sort());
    const purpose = extra.features.find((f) => f.name === 'purpose = tv')!.weight;
    // tv has the lowest logit weight: keeping it (instead of car or other) lowers the probability of class 1.
    expect(purpose).toBeLessThan(0);
    expect(a[1]).toBeCloseTo(purpose / 3, 6);
    expect(a[2]).toBeCloseTo(a[1], 6);
    expect(a[3]).toBeCloseTo(a[1], 6);
  });
});
