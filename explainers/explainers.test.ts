/** Properties every registered explainer must have, on a tabular and an image task. */
import * as tf from '@tensorflow/tfjs';
import { isAttributionExplainer } from './types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { type Batch, makeBatch } from '../core/batch.js';
import { isUserError } from '../core/errors.js';
import type { Model } from '../core/model.js';
import { rngFor } from '../core/rng.js';
import { contextFor, imageTask, runExplainer, tabularTask, tinyConvNet } from '../test/helpers/explainer-fixtures.js';
import { reluMlp } from '../test/helpers/tiny-models.js';
import { explainers, getExplainer, renderText } from './index.js';
import type { TaskView } from '../datasets/task.js';

/** Small budgets so the suite stays fast; kernel-shap is kept below 2^M - 2 so that it samples. */
const SMALL: Record<string, Record<string, number | string>> = {
  'integrated-gradients': { steps: 8 },
  smoothgrad: { samples: 6 },
  occlusion: { window: 3, stride: 2 },
  'kernel-shap': { samples: 12, cell: 2, backgroundRows: 3 },
  lime: { samples: 40 },
  'deep-shap': { backgroundRows: 3 },
  'gradient-shap': { samples: 4, backgroundRows: 3 },
  vargrad: { samples: 6 },
  'feature-permutation': { samples: 3 },
  'shapley-sampling': { samples: 3, cell: 3 },
};

const ENGINE_CALLS: Record<string, { outputs: number; gradients: number }> = {
  random: { outputs: 0, gradients: 0 },
  gradient: { outputs: 0, gradients: 1 },
  'gradient-x-input': { outputs: 0, gradients: 1 },
  'integrated-gradients': { outputs: 1, gradients: 1 },
  smoothgrad: { outputs: 0, gradients: 1 },
  occlusion: { outputs: 1, gradients: 0 },
  'kernel-shap': { outputs: 1, gradients: 0 },
  lime: { outputs: 1, gradients: 0 },
  // LRP propagates through the layers itself (it records its passes with engine.count).
  lrp: { outputs: 0, gradients: 0 },
  // The modified-backward methods walk LRP's layer plan (modified-backward.ts) and count with engine.count;
  // deeplift and deep-shap ask the engine for f(reference), gradient-shap for E[f(background)].
  deeplift: { outputs: 1, gradients: 0 },
  'deep-shap': { outputs: 1, gradients: 0 },
  'gradient-shap': { outputs: 1, gradients: 1 },
  'grad-cam': { outputs: 0, gradients: 0 },
  'guided-grad-cam': { outputs: 0, gradients: 0 },
  'guided-backprop': { outputs: 0, gradients: 0 },
  deconvnet: { outputs: 0, gradients: 0 },
  vargrad: { outputs: 0, gradients: 1 },
  'feature-permutation': { outputs: 1, gradients: 0 },
  'shapley-sampling': { outputs: 1, gradients: 0 },
};

const RANDOMISED = new Set(['random', 'smoothgrad', 'kernel-shap', 'lime', 'deep-shap', 'gradient-shap', 'vargrad', 'feature-permutation', 'shapley-sampling']);

interface Setup {
  name: string;
  model: Model;
  task: TaskView;
  batch: Batch;
  targets: Int32Array;
}
const setups: Setup[] = [];

function uniformBatch(n: number, shape: number[], seed: string, lo: number, hi: number): Batch {
  const rng = rngFor(3, seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return makeBatch(Float32Array.from({ length: n * size }, () => rng.uniform(lo, hi)), shape);
}

beforeAll(async () => {
  await useBackend('wasm');
  const mlp = await reluMlp(
    [[1, -0.5, 0.3], [0.2, 0.8, -1], [-0.7, 0.4, 0.5], [0.6, 0.1, 0.9], [-0.3, -0.6, 0.2]],
    [0.1, -0.2, 0.05],
    [[1, -1, 0.5], [-0.5, 1.2, 0.3], [0.8, 0.2, -1]],
    [0, 0.1, -0.1],
  );
  setups.push({
    name: 'tabular',
    model: mlp,
    task: tabularTask({ features: 5, classes: ['a', 'b', 'c'], background: uniformBatch(10, [5], 'bg', -1, 1) }),
    batch: uniformBatch(3, [5], 'x', -2, 2),
    targets: Int32Array.from([0, 1, 2]),
  });
  setups.push({
    name: 'image',
    model: await tinyConvNet(),
    task: { ...imageTask({ height: 6, width: 6 }), background: uniformBatch(4, [6, 6, 1], 'img-bg', 0, 1) },
    batch: uniformBatch(2, [6, 6, 1], 'img', 0, 1),
    targets: Int32Array.from([2, 0]),
  });
});

describe('the registry', () => {
  it('holds the contract ids, each once, and rejects unknown ids naming the known ones', () => {
    // The attribution ids are part of the CLI contract; other families add their own.
    expect(explainers.filter(isAttributionExplainer).map((e) => e.id)).toEqual([
      'random',
      'gradient',
      'gradient-x-input',
      'integrated-gradients',
      'smoothgrad',
      'occlusion',
      'kernel-shap',
      'lime',
      'lrp',
      'deeplift',
      'deep-shap',
      'gradient-shap',
      'grad-cam',
      'guided-grad-cam',
      'guided-backprop',
      'deconvnet',
      'vargrad',
      'feature-permutation',
      'shapley-sampling',
    ]);
    expect(new Set(explainers.map((e) => e.id)).size).toBe(explainers.length);
    expect(getExplainer('occlusion').id).toBe('occlusion');
    let err: unknown;
    try {
      getExplainer('lrp-epsilon');
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/'lrp-epsilon'.*random, gradient,.*kernel-shap/);
    for (const e of explainers) {
      expect(['logit', 'probability']).toContain(e.output);
      expect(['attribution', 'rules', 'examples', 'concept-path']).toContain(e.family);
    }
  });
});

describe.each(['tabular', 'image'])('every explainer on the %s task', (which) => {
  const setup = () => setups.find((s) => s.name === which)!;

  const fits = explainers.filter(isAttributionExplainer).filter((e) => !e.kinds || e.kinds.includes(which as 'tabular' | 'image'));
  it.each(fits.map((e) => e.id))('%s: shaped output, no tensor leak, seeded', async (id) => {
    const { model, task, batch, targets } = setup();
    const found = getExplainer(id);
    if (!isAttributionExplainer(found)) throw new Error(`${id} is not an attribution explainer`);
    const e = found;
    const params = SMALL[id] ?? {};
    const before = tf.memory().numTensors;
    const a = await runExplainer(e, contextFor(model, task, 1), batch, targets, params, undefined, 1);
    expect(tf.memory().numTensors).toBe(before);
    expect(a.attributions.length).toBe(batch.data.length);
    expect(a.attributions.every(Number.isFinite)).toBe(true);
    expect(a.attributions.some((v) => v !== 0)).toBe(true);

    const again = await runExplainer(e, contextFor(model, task, 1), batch, targets, params, undefined, 1);
    expect(Array.from(again.attributions)).toEqual(Array.from(a.attributions));
    const other = await runExplainer(e, contextFor(model, task, 2), batch, targets, params, undefined, 2);
    if (RANDOMISED.has(id)) {
      expect(e.deterministic).toBe(false);
      expect(Array.from(other.attributions)).not.toEqual(Array.from(a.attributions));
    } else {
      expect(e.deterministic).toBe(true);
      expect(Array.from(other.attributions)).toEqual(Array.from(a.attributions));
    }

    // The whole batch's perturbations go to the engine together: one call per kind of pass when an
    // engine chunk holds them all; with small chunks, packs of about a chunk (stack.ts packs greedily,
    // so two consecutive calls hold more than a chunk), and the same rows in all.
    const totals: number[] = [];
    for (const chunk of [1 << 16, 16]) {
      const ctx = contextFor(model, task, 1, chunk);
      const calls = { outputs: 0, gradients: 0 };
      const rows: number[] = [];
      const outputs = ctx.engine.outputs.bind(ctx.engine);
      const gradients = ctx.engine.gradients.bind(ctx.engine);
      ctx.engine.outputs = (b, ...rest) => (calls.outputs++, rows.push(b.n), outputs(b, ...rest));
      ctx.engine.gradients = (b, ...rest) => (calls.gradients++, rows.push(b.n), gradients(b, ...rest));
      await runExplainer(e, ctx, batch, targets, params);
      const total = rows.reduce((a, b) => a + b, 0);
      totals.push(total);
      if (chunk > total) expect(calls).toEqual(ENGINE_CALLS[id]);
      else expect(rows.length).toBeLessThanOrEqual(2 * Math.ceil(total / chunk) + 2);
    }
    expect(totals[1]).toBe(totals[0]);

    const text = renderText(e, task, batch, targets, a, 0);
    expect(text.en.length).toBeGreaterThan(20);
    expect(text.ko).toMatch(/[가-힣]/);
    expect(text.en).toContain(e.output === 'logit' ? 'logit score' : 'predicted probability');
  });
});
