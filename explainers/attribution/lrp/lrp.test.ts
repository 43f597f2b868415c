import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { type Batch, makeBatch } from '../../../core/batch.js';
import { UserError } from '../../../core/errors.js';
import { type Model, wrapModel } from '../../../core/model.js';
import { rngFor, seedFor } from '../../../core/rng.js';
import { contextFor, imageTask, runExplainer, tabularTask } from '../../../test/helpers/explainer-fixtures.js';
import { COMPOSITES } from './composite-registry.js';
import { lrpExplainer } from './lrp.js';

interface Conservation {
  inputRelevanceSum: number;
  logit: number;
  gap: number;
  relativeGap: number | null;
}
const conservation = (extras: readonly Record<string, unknown>[] | undefined, i: number) => extras![i].conservation as Conservation;

const init = (name: string) => tf.initializers.glorotUniform({ seed: seedFor(5, 'lrp-test', name) });

/** The zoo's cnn-deep shape (tools/train/train-architectures.ts), scaled down to 8x8 inputs. */
function deepCnn(useBias: boolean): tf.LayersModel {
  const conv = (name: string, filters: number) =>
    tf.layers.conv2d({ name, filters, kernelSize: 3, padding: 'same', activation: 'linear', useBias, kernelInitializer: init(name) });
  const net = tf.sequential({
    layers: [
      tf.layers.inputLayer({ inputShape: [8, 8, 1], name: 'input' }),
      conv('conv_1', 4),
      tf.layers.batchNormalization({ name: 'bn_1' }),
      tf.layers.activation({ name: 'relu_1', activation: 'relu' }),
      tf.layers.maxPooling2d({ name: 'pool_1', poolSize: 2 }),
      conv('conv_2', 4),
      tf.layers.batchNormalization({ name: 'bn_2' }),
      tf.layers.activation({ name: 'relu_2', activation: 'relu' }),
      tf.layers.averagePooling2d({ name: 'pool_2', poolSize: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ name: 'output', units: 3, activation: 'softmax', useBias, kernelInitializer: init('output') }),
    ],
  });
  // Non-trivial BN statistics, so folding is really exercised.
  const rng = rngFor(5, 'lrp-test', 'bn');
  for (const name of ['bn_1', 'bn_2']) {
    const l = net.getLayer(name);
    const v = (lo: number, hi: number) => tf.tensor1d(Array.from({ length: 4 }, () => rng.uniform(lo, hi)));
    l.setWeights([v(0.5, 1.5), useBias ? v(-0.2, 0.2) : tf.zeros([4]), useBias ? v(-0.3, 0.3) : tf.zeros([4]), v(0.5, 2)]);
  }
  if (useBias) {
    for (const name of ['conv_1', 'conv_2', 'output']) {
      const l = net.getLayer(name);
      const [k, b] = l.getWeights();
      l.setWeights([k, tf.tensor1d(Array.from({ length: b.shape[0] }, () => rng.uniform(-0.2, 0.2)))]);
    }
  }
  return net;
}

function images(n: number, seed: string): Batch {
  const rng = rngFor(5, 'lrp-test', 'images', seed);
  return makeBatch(Float32Array.from({ length: n * 64 }, () => rng.uniform(0, 1)), [8, 8, 1]);
}

function reluMlpNet(useBias: boolean, outActivation: 'softmax' | 'sigmoid' = 'softmax', classes = 3): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [5],
        units: 6,
        activation: 'relu',
        name: 'dense_1',
        useBias,
        biasInitializer: 'ones',
        kernelInitializer: init('d1'),
      }),
      tf.layers.dropout({ rate: 0.5, name: 'dropout' }),
      tf.layers.dense({
        units: 4,
        activation: 'relu',
        name: 'dense_2',
        useBias,
        biasInitializer: tf.initializers.constant({ value: -0.1 }),
        kernelInitializer: init('d2'),
      }),
      tf.layers.dense({
        units: classes,
        activation: outActivation,
        name: 'out',
        useBias,
        biasInitializer: tf.initializers.constant({ value: 0.2 }),
        kernelInitializer: init('d3'),
      }),
    ],
  });
}

function tabular(n: number, seed: string): Batch {
  const rng = rngFor(5, 'lrp-test', 'tabular', seed);
  return makeBatch(Float32Array.from({ length: n * 5 }, () => rng.uniform(-2, 2)), [5]);
}

let cnn: Model;
let cnnNoBias: Model;
let mlp: Model;
beforeAll(async () => {
  await useBackend('wasm');
  cnn = await wrapModel(deepCnn(true), 'deep-cnn');
  cnnNoBias = await wrapModel(deepCnn(false), 'deep-cnn-nobias');
  mlp = await wrapModel(reluMlpNet(true), 'relu-mlp');
});
afterAll(() => {
  for (const m of [cnn, cnnNoBias, mlp]) m.dispose();
});

const targets = (n: number) => Int32Array.from({ length: n }, (_, i) => i % 3);

function expectArraysClose(got: Float32Array, want: Float32Array, tol: number) {
  expect(got.length).toBe(want.length);
  const scale = Math.max(1e-6, ...Array.from(want, Math.abs));
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(tol * scale);
}

describe('lrp: LRP-0 is gradient x input on ReLU nets (an LRP invariant: Montavon et al. 2019)', () => {
  it('on an MLP with biases and dropout', async () => {
    const ctx = contextFor(mlp, tabularTask({ features: 5, classes: ['a', 'b', 'c'] }));
    const x = tabular(4, 'gxi');
    const res = await runExplainer(lrpExplainer, ctx, x, targets(4), { rule: 'zero' });
    const g = ctx.engine.gradients(x, targets(4), 'logit');
    expectArraysClose(res.attributions, g.map((v, k) => v * x.data[k]), 1e-4);
  });

  it('on the BN + max/avg-pool CNN (BN folded; pooling WTA and proportional agree with the gradient)', async () => {
    // tfjs-backend-wasm lacks Conv2DBackpropFilter, which the gradient of a conv with bias and linear
    // activation asks for; the reference gradient is taken on the cpu backend.
    await tf.setBackend('cpu');
    try {
      const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
      const x = images(3, 'gxi');
      const res = await runExplainer(lrpExplainer, ctx, x, targets(3), { rule: 'zero' });
      const g = ctx.engine.gradients(x, targets(3), 'logit');
      expectArraysClose(res.attributions, g.map((v, k) => v * x.data[k]), 1e-4);
    } finally {
      await useBackend('wasm');
    }
  });

  it('on a binary sigmoid head, for both classes (logits [-z/2, z/2])', async () => {
    const model = await wrapModel(reluMlpNet(true, 'sigmoid', 1), 'sigmoid-mlp');
    const ctx = contextFor(model, tabularTask({ features: 5 }));
    const x = tabular(2, 'sigmoid');
    const t = Int32Array.from([0, 1]);
    const res = await runExplainer(lrpExplainer, ctx, x, t, { rule: 'zero' });
    const g = ctx.engine.gradients(x, t, 'logit');
    expectArraysClose(res.attributions, g.map((v, k) => v * x.data[k]), 1e-4);
    const logits = ctx.engine.targetOutputs(x, t, 'logit');
    logits.forEach((l, i) => expect(conservation(res.extras, i).logit).toBeCloseTo(l, 5));
    model.dispose();
  });
});

describe('lrp: conservation', () => {
  it('is exact on a bias-free ReLU CNN with LRP-0 and with ε -> 0', async () => {
    const ctx = contextFor(cnnNoBias, imageTask({ height: 8, width: 8 }));
    for (const set of <Record<string, string | number>[]>[{ rule: 'zero' }, { rule: 'epsilon', epsilon: 1e-9 }, { rule: 'gamma' }]) {
      const res = await runExplainer(lrpExplainer, ctx, images(3, 'cons'), targets(3), set);
      for (let i = 0; i < 3; i++) {
        const c = conservation(res.extras, i);
        expect(Math.abs(c.relativeGap!)).toBeLessThan(1e-4);
      }
    }
  });

  it('reports the true gap where relevance is absorbed (biases, large ε)', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const x = images(3, 'gap');
    const res = await runExplainer(lrpExplainer, ctx, x, targets(3), { rule: 'epsilon', epsilon: 0.5 });
    const logits = ctx.engine.targetOutputs(x, targets(3), 'logit');
    let maxGap = 0;
    for (let i = 0; i < 3; i++) {
      const c = conservation(res.extras, i);
      const sum = res.attributions.subarray(i * 64, (i + 1) * 64).reduce((a, b) => a + b, 0);
      expect(c.logit).toBeCloseTo(logits[i], 5);
      expect(c.inputRelevanceSum).toBeCloseTo(sum, 5);
      expect(c.gap).toBeCloseTo(sum - logits[i], 5);
      expect(c.relativeGap).toBeCloseTo((sum - logits[i]) / Math.abs(logits[i]), 5);
      maxGap = Math.max(maxGap, Math.abs(c.gap));
    }
    expect(maxGap).toBeGreaterThan(1e-3); // the case really loses relevance
  });
});

describe('lrp: BatchNorm folding', () => {
  it('gives the same relevance as the same network with BN folded by hand', async () => {
    const net = deepCnn(true);
    // Fold in double precision, outside the code under test.
    const folded = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], name: 'conv_1', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.maxPooling2d({ name: 'pool_1', poolSize: 2 }),
        tf.layers.conv2d({ name: 'conv_2', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.averagePooling2d({ name: 'pool_2', poolSize: 2 }),
        tf.layers.flatten({ name: 'flatten' }),
        tf.layers.dense({ name: 'output', units: 3, activation: 'softmax' }),
      ],
    });
    for (const [conv, bn] of [['conv_1', 'bn_1'], ['conv_2', 'bn_2']]) {
      const [k, b] = net.getLayer(conv).getWeights().map((t) => Array.from(t.dataSync()));
      const [gamma, beta, mean, variance] = net.getLayer(bn).getWeights().map((t) => Array.from(t.dataSync()));
      const scale = gamma.map((g, c) => g / Math.sqrt(variance[c] + 1e-3));
      const kShape = net.getLayer(conv).getWeights()[0].shape;
      folded.getLayer(conv).setWeights([
        tf.tensor(k.map((v, i) => v * scale[i % 4]), kShape),
        tf.tensor1d(b.map((v, c) => (v - mean[c]) * scale[c] + beta[c])),
      ]);
    }
    folded.getLayer('output').setWeights(net.getLayer('output').getWeights());
    const withBn = await wrapModel(net, 'with-bn');
    const byHand = await wrapModel(folded, 'folded');
    const x = images(3, 'fold');
    for (const composite of COMPOSITES) {
      const a = await runExplainer(lrpExplainer, contextFor(withBn, imageTask({ height: 8, width: 8 })), x, targets(3), { composite });
      const b = await runExplainer(lrpExplainer, contextFor(byHand, imageTask({ height: 8, width: 8 })), x, targets(3), { composite });
      expectArraysClose(a.attributions, b.attributions, 1e-4);
    }
    withBn.dispose();
    byHand.dispose();
  });

  it('refuses a BatchNormalization that cannot be folded, naming it', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], name: 'c1', filters: 2, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.batchNormalization({ name: 'bn_after_relu' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
      ],
    });
    const model = await wrapModel(net, 'bn-after-relu');
    const ctx = contextFor(model, imageTask({ height: 4, width: 4 }));
    const run = () => runExplainer(lrpExplainer, ctx, makeBatch(new Float32Array(16), [4, 4, 1]), Int32Array.from([0]));
    await expect(run()).rejects.toThrow(UserError);
    await expect(run()).rejects.toThrow(/'bn_after_relu' \(BatchNormalization\) follows 'c1'/);
    model.dispose();
  });
});

describe('lrp: composites, rules and parameters', () => {
  it('every composite runs on the BN + pooling CNN with finite relevance and rules per layer', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const want: Record<string, Record<string, string>> = {
      'epsilon-gamma-box': { conv_1: 'zbox', conv_2: 'gamma', output: 'epsilon' },
      'epsilon-plus-flat': { conv_1: 'flat', conv_2: 'zplus', output: 'epsilon' },
      'epsilon-alpha2beta1': { conv_1: 'alpha2beta1', conv_2: 'alpha2beta1', output: 'epsilon' },
    };
    for (const composite of COMPOSITES) {
      const res = await runExplainer(lrpExplainer, ctx, images(2, composite), targets(2), { composite });
      expect(res.attributions.length).toBe(2 * 64);
      expect(res.attributions.every(Number.isFinite)).toBe(true);
      expect(res.attributions.some((v) => v !== 0)).toBe(true);
      expect(res.extras![0].rules).toEqual(want[composite]);
      expect(res.extras![0].composite).toBe(composite);
    }
  });

  it('the default composite is epsilon-gamma-box', () => {
    expect(lrpExplainer.params.composite.default).toBe('epsilon-gamma-box');
  });

  it('rule applies to every layer and rules overrides single layers', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const res = await runExplainer(lrpExplainer, ctx, images(1, 'r'), targets(1), { rule: 'epsilon', rules: 'conv_1:gamma, output:zero' });
    expect(res.extras![0].rules).toEqual({ conv_1: 'gamma', conv_2: 'epsilon', output: 'zero' });
    expect(res.extras![0].composite).toBeNull();
  });

  it('refuses bad rule maps, alpha - beta != 1 and unknown layers, naming them', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const run = (set: Record<string, string | number>) => runExplainer(lrpExplainer, ctx, images(1, 'bad'), targets(1), set);
    await expect(run({ rules: 'conv_9:gamma' })).rejects.toThrow(/no Dense or Conv2D layer named 'conv_9'.*conv_1, conv_2, output/);
    await expect(run({ rules: 'pool_1:gamma' })).rejects.toThrow(UserError);
    await expect(run({ rules: 'conv_1:banana' })).rejects.toThrow(/unknown rule 'banana'/);
    await expect(run({ alpha: 3 })).rejects.toThrow(/lrp\.alpha=3 lrp\.beta=1: expected alpha − beta = 1/);
    await expect(run({ layer: 'nope' })).rejects.toThrow(/lrp.layer=nope: no such layer/);
    await expect(run({ low: '1', high: '0' })).rejects.toThrow(/lrp\.low=1 lrp\.high=0: expected low < high/);
    await expect(run({ rule: 'alphabeta', alpha: 3, beta: 2 })).resolves.toBeDefined();
  });

  it('refuses an unsupported layer with its name and type', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [4, 4, 1], name: 'c1', filters: 2, kernelSize: 3, padding: 'same', activation: 'relu' }),
        tf.layers.upSampling2d({ name: 'up', size: [2, 2] }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
      ],
    });
    const model = await wrapModel(net, 'unsupported');
    const ctx = contextFor(model, imageTask({ height: 4, width: 4 }));
    await expect(runExplainer(lrpExplainer, ctx, makeBatch(new Float32Array(16), [4, 4, 1]), Int32Array.from([0]))).rejects.toThrow(
      /layer 'up' \(UpSampling2D\) is not supported by LRP/,
    );
    model.dispose();
  });
});

describe('lrp: hidden layers, cost, leaks, determinism', () => {
  it('returns the relevance at a hidden layer with that layer\'s shape', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const x = images(2, 'hidden');
    for (const [
      layer,
      shape,
    ] of [
      ['pool_1', [4, 4, 4]],
      ['bn_1', [8, 8, 4]],
      ['conv_2', [4, 4, 4]],
      ['flatten', [16]],
      ['output', [3]],
      ['input', [8, 8, 1]],
    ] as const) {
      const res = await runExplainer(lrpExplainer, ctx, x, targets(2), { rule: 'zero', layer });
      expect(res.layer?.name).toBe(layer);
      expect(res.layer?.shape).toEqual(shape);
      const size = (shape as readonly number[]).reduce((a, b) => a * b, 1);
      expect(res.layer?.relevance.length).toBe(2 * size);
      if (layer === 'input') expect(Array.from(res.layer!.relevance)).toEqual(Array.from(res.attributions));
      if (layer === 'output') {
        // One-hot(target) ⊙ logits.
        const logits = ctx.engine.outputs(x, 'logit');
        for (let i = 0; i < 2; i++) {
          for (let c = 0; c < 3; c++) expect(res.layer!.relevance[i * 3 + c]).toBeCloseTo(c === i % 3 ? logits[i * 3 + c] : 0, 5);
        }
      }
    }
  });

  it('counts one forward and one backward pass per input, chunked by the engine batch size', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }), 1, 2);
    const x = images(5, 'count');
    const before = ctx.engine.passes();
    const res = await runExplainer(lrpExplainer, ctx, x, targets(5));
    const after = ctx.engine.passes();
    expect(after.forwardPasses - before.forwardPasses).toBe(5);
    expect(after.gradientPasses - before.gradientPasses).toBe(5);
    // Chunking does not change the answer.
    const whole = await runExplainer(lrpExplainer, contextFor(cnn, imageTask({ height: 8, width: 8 })), x, targets(5));
    expectArraysClose(res.attributions, whole.attributions, 1e-5);
  });

  it('leaves no tensors behind and is deterministic', async () => {
    const ctx = contextFor(cnn, imageTask({ height: 8, width: 8 }));
    const x = images(3, 'det');
    await runExplainer(lrpExplainer, ctx, x, targets(3)); // warm-up may create backend-lifetime tensors
    for (const composite of COMPOSITES) {
      const before = tf.memory().numTensors;
      const a = await runExplainer(lrpExplainer, ctx, x, targets(3), { composite, layer: 'pool_1' });
      const b = await runExplainer(lrpExplainer, ctx, x, targets(3), { composite, layer: 'pool_1' });
      expect(tf.memory().numTensors).toBe(before);
      expect(Buffer.from(a.attributions.buffer).equals(Buffer.from(b.attributions.buffer))).toBe(true);
    }
  });

  it('explains tabular inputs with auto z^B bounds from the background', async () => {
    const bg = tabular(20, 'bg');
    const ctx = contextFor(mlp, tabularTask({ features: 5, classes: ['a', 'b', 'c'], background: bg }));
    const res = await runExplainer(lrpExplainer, ctx, tabular(2, 'tab'), targets(2));
    expect(res.extras![0].rules).toEqual({ dense_1: 'zbox', dense_2: 'epsilon', out: 'epsilon' });
    expect(res.attributions.every(Number.isFinite)).toBe(true);
    // z^B is exactly conservative at the first layer; with a bias-free upper part the total would be too.
    expect(conservation(res.extras, 0).relativeGap).not.toBeNull();
  });

  it('accepts a feature that is constant in the background (auto bounds low = high) and gives it no relevance there', async () => {
    const bg = tabular(20, 'bg');
    for (let i = 0; i < bg.n; i++) bg.data[i * 5 + 3] = 0.25;
    const x = tabular(2, 'tab');
    for (let i = 0; i < x.n; i++) x.data[i * 5 + 3] = 0.25;
    const ctx = contextFor(mlp, tabularTask({ features: 5, classes: ['a', 'b', 'c'], background: bg }));
    const res = await runExplainer(lrpExplainer, ctx, x, targets(2));
    expect(res.attributions.every(Number.isFinite)).toBe(true);
    // Zero up to float32 rounding of x w - low w (the other features carry relevance of order 0.1).
    for (let i = 0; i < x.n; i++) expect(Math.abs(res.attributions[i * 5 + 3])).toBeLessThan(1e-6);
    expect(res.attributions.some((v) => v !== 0)).toBe(true);
  });
});
