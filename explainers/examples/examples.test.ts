import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { rngFor } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import { counterfactualSize } from '../../metrics/examples/counterfactual-size.js';
import { counterfactualValidity } from '../../metrics/examples/counterfactual-validity.js';
import { neighbourLabelAgreement } from '../../metrics/examples/neighbour-label-agreement.js';
import type { MetricContext, StructuredInput } from '../../metrics/types.js';
import { imageLinearSoftmax, linearSoftmax, reluMlp } from '../../test/helpers/tiny-models.js';
import type { ExplainContext, FitContext } from '../types.js';
import { counterfactualExplainer } from './counterfactual.js';
import type { ExampleQuery } from './example-query.js';
import { nearestNeighboursExplainer } from './nearest-neighbours.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const task = (d: number): TaskView => ({
  id: 'tiny',
  kind: 'tabular',
  sampleShape: [d],
  classes: ['left', 'right'],
  featureNames: Array.from({ length: d }, (_, i) => `f${i}`),
  units: Array.from({ length: d }, () => 'cm'),
  scale: { mean: new Float32Array(d).fill(10), std: new Float32Array(d).fill(2) },
  baseline: new Float32Array(d),
});

const ctxFor = (
  engine: Engine,
  t: TaskView,
  seed = 0,
): ExplainContext => ({ engine, task: t, rng: (id, purpose) => rngFor(seed, 'ex', id, purpose) });
const metricCtx = (engine: Engine, t: TaskView): MetricContext => ({ engine, task: t, rng: (id, purpose) => rngFor(0, 'm', id, purpose) });

describe('Engine.features', () => {
  it('returns the hidden ReLU layer of a two-layer net, counted as forward passes', async () => {
    const m = await reluMlp([[1, -1], [2, 0]], [0, 0.5], [[1, 0], [0, 1]], [0, 0]);
    const engine = new Engine(m);
    const before = tf.memory().numTensors;
    const f = engine.features(makeBatch(Float32Array.from([1, 1, -1, 0]), [2]));
    expect(tf.memory().numTensors).toBe(before);
    expect(f.width).toBe(2);
    // relu([1*1 + 1*2, -1*1 + 0 + 0.5]) = [3, 0]; relu([-1, 1 + 0.5]) = [0, 1.5]
    expect(Array.from(f.data)).toEqual([3, 0, 0, 1.5]);
    expect(engine.passes().forwardPasses).toBe(2);
  });
});

describe('nearest-neighbours', () => {
  it('finds the brute-force nearest training rows in feature space, with their labels', async () => {
    const m = await linearSoftmax([[1, -1], [0.5, 0.5]], [0, 0]);
    const engine = new Engine(m);
    const t = task(2);
    const rng = rngFor(3, 'data');
    const n = 40;
    const x = Float32Array.from({ length: n * 2 }, () => rng.normal());
    const y = Int32Array.from({ length: n }, (_, i) => (x[2 * i] > 0 ? 0 : 1));
    const data = { train: { x: makeBatch(x, [2]), y }, test: { x: makeBatch(x, [2]), y } };
    const fit: FitContext = { engine, task: t, rng: (p) => rngFor(0, 'fit', p), data };
    const params = { k: 3, pool: 1000 };
    const before = tf.memory().numTensors;
    const pool = await nearestNeighboursExplainer.fit!(fit, params);
    const q = makeBatch(Float32Array.from([x[0], x[1], 0.3, -0.2]), [2]);
    const targets = Int32Array.from([0, 1]);
    const r = await nearestNeighboursExplainer.explain({
      ctx: ctxFor(engine, t),
      batch: q,
      targets,
      sampleIds: ['a', 'b'],
      params,
      state: pool,
    });
    expect(tf.memory().numTensors).toBe(before);
    // A training row is its own nearest neighbour, at distance 0.
    expect(r.explanations[0].samples[0]).toMatchObject({ index: 0, label: y[0], distance: 0 });
    // Brute force: logits of a linear softmax model are its penultimate features' image; features = input here.
    const d2 = Array.from({ length: n }, (_, j) => Math.hypot(x[2 * j] - 0.3, x[2 * j + 1] + 0.2));
    const want = Array.from(d2.keys()).sort((a, b) => d2[a] - d2[b]).slice(0, 3);
    expect(r.explanations[1].samples.map((s) => s.index)).toEqual(want);
    expect(r.explanations[1].samples.map((s) => s.label)).toEqual(want.map((j) => y[j]));
    expect(r.text[1].en).toMatch(/3 training examples most similar/);
    expect(r.text[1].ko).toMatch(/학습 예시 3개/);
    const input = structured(q, targets, r.explanations);
    const agree = (await neighbourLabelAgreement.evaluate(metricCtx(engine, t), input, {})) as number[];
    expect(agree[1]).toBeCloseTo(want.filter((j) => y[j] === 1).length / 3, 10);
  });
});

function structured(batch: ReturnType<typeof makeBatch>, targets: Int32Array, explanations: readonly ExampleQuery[]): StructuredInput {
  return { family: 'examples', batch, targets, sampleIds: explanations.map((_, i) => `s${i}`), output: 'probability', explanations };
}

describe('counterfactual', () => {
  const params = { samples: 64, layers: 40, step: 0.1, sparsify: true, immutable: 'task' };

  it('finds a change that flips a linear model, sparse and reported in original units; seeded', async () => {
    // Class 1 wins when x0 > 0.5 (the other feature does not matter).
    const m = await linearSoftmax([[0, 4], [0, 0], [0, 0]], [0, -2]);
    const engine = new Engine(m);
    const t = task(3);
    const batch = makeBatch(Float32Array.from([-0.5, 0.2, 0.1]), [3]);
    const targets = Int32Array.from([0]);
    const before = tf.memory().numTensors;
    const r = await counterfactualExplainer.explain({
      ctx: ctxFor(engine, t),
      batch,
      targets,
      sampleIds: ['s0'],
      params,
      state: undefined,
    });
    expect(tf.memory().numTensors).toBe(before);
    const q = r.explanations[0];
    expect(q.counterfactual?.found).toBe(true);
    const cf = q.samples[0].input as number[];
    expect(cf[0]).toBeGreaterThan(0.5);
    // Sparsified: only the feature that matters moved.
    expect(q.counterfactual!.size!.changed).toBe(1);
    expect(cf.slice(1)).toEqual([Math.fround(0.2), Math.fround(0.1)]);
    expect(q.counterfactual!.changes![0]).toMatchObject({ feature: 0, name: 'f0', from: 9, unit: 'cm' });
    expect(r.text[0].en).toMatch(/^The model says 'left' \(\d+%\)\. The smallest change found that makes it say 'right': f0 from 9 cm to [\d.]+ cm \(1 of 3 features changed\)\.$/);
    expect(r.text[0].ko).toMatch(/'right'로 바꾸는/);
    const again = await counterfactualExplainer.explain({
      ctx: ctxFor(engine, t),
      batch,
      targets,
      sampleIds: ['s0'],
      params,
      state: undefined,
    });
    expect(again.explanations).toEqual(r.explanations);
    const other = await counterfactualExplainer.explain({
      ctx: ctxFor(engine, t, 9),
      batch,
      targets,
      sampleIds: ['s0'],
      params,
      state: undefined,
    });
    expect(other.explanations[0].samples[0].input).not.toEqual(cf);
    const input = structured(batch, targets, r.explanations);
    expect(await counterfactualValidity.evaluate(metricCtx(engine, t), input, {})).toEqual([1]);
    const size = (await counterfactualSize.evaluate(metricCtx(engine, t), input, {})) as { values: number[] };
    expect(size.values).toEqual([1 / 3]);
    // A payload claiming a counterfactual that does not flip the model is invalid.
    const forged = { ...q, samples: [{ ...q.samples[0], input: [-0.5, 0.2, 0.1] }] };
    expect(await counterfactualValidity.evaluate(metricCtx(engine, t), structured(batch, targets, [forged]), {})).toEqual([0]);
  });

  it('makes image counterfactuals sparse in blocks: puts back what moved less than the pixel that matters', async () => {
    // 10 x 10 image, class 1 wins when pixel (0, 0) > 0.5; 100 pixels are put back in blocks of 2.
    const w = Array.from({ length: 100 }, (_, k) => (k === 0 ? [0, 4] : [0, 0]));
    const m = await imageLinearSoftmax(10, 10, w, [0, -2]);
    const engine = new Engine(m);
    const t: TaskView = { ...task(100), kind: 'image', sampleShape: [10, 10, 1], scale: undefined, units: undefined };
    const batch = makeBatch(new Float32Array(100), [10, 10, 1]);
    const targets = Int32Array.from([0]);
    const before = tf.memory().numTensors;
    const passes = engine.passes().forwardPasses;
    const r = await counterfactualExplainer.explain({
      ctx: ctxFor(engine, t),
      batch,
      targets,
      sampleIds: ['s0'],
      params,
      state: undefined,
    });
    expect(tf.memory().numTensors).toBe(before);
    const q = r.explanations[0];
    expect(q.counterfactual?.found).toBe(true);
    const cf = (q.samples[0].input as number[][][]).flat(2);
    expect(cf[0]).toBeGreaterThan(0.5);
    // Everything moved less than the one pixel that matters was put back, up to one block (stride 2).
    const smaller = cf.filter((v, k) => k > 0 && v !== 0 && Math.abs(v) < Math.abs(cf[0])).length;
    expect(smaller).toBeLessThanOrEqual(1);
    expect(q.counterfactual!.size!.changed).toBe(cf.filter((v) => v !== 0).length);
    expect(q.counterfactual!.changes).toBeUndefined();
    expect(r.text[0].en).toMatch(/changes \d+ of 100 pixels/);
    // Shells of 64 points plus one probe of the model and at most 64 sparsity candidates.
    expect((engine.passes().forwardPasses - passes - 1 - 50) % 64).toBe(0);
  });

  it('reports no counterfactual when the budget cannot reach the boundary', async () => {
    const m = await linearSoftmax([[0, 1], [0, 0]], [0, -50]);
    const engine = new Engine(m);
    const t = task(2);
    const batch = makeBatch(Float32Array.from([0, 0]), [2]);
    const targets = Int32Array.from([0]);
    const r = await counterfactualExplainer.explain({
      ctx: ctxFor(engine, t),
      batch,
      targets,
      sampleIds: ['s0'],
      params: { ...params, layers: 3 },
      state: undefined,
    });
    expect(r.explanations[0]).toMatchObject({ counterfactual: { found: false }, samples: [] });
    expect(r.text[0].en).toMatch(/No change within the search budget/);
    const input = structured(batch, targets, r.explanations);
    expect(await counterfactualValidity.evaluate(metricCtx(engine, t), input, {})).toEqual([0]);
    expect(((await counterfactualSize.evaluate(
      metricCtx(engine, t),
      input,
      {},
    )) as { values: unknown[] }).values).toEqual([{ null: 'no counterfactual found within the budget' }]);
  });
});
