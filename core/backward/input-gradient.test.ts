/**
 * The hand-derived backward pass (core/backward/) against tfjs's tape through the unfolded network, on
 * small seeded networks that use every rule and every head: convolutions with same and valid padding and
 * even kernels, one-channel inputs (the depthwise route), sigmoid and tanh, overlapping and padded
 * pools, batch norms with and without scale and shift (folded or not), dropout; softmax, sigmoid,
 * linear, softmax-layer and score heads. Plus a worked example, the networks that must keep the tape,
 * and no tensor left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend.js';
import { makeBatch } from '../batch.js';
import { Engine } from '../engine.js';
import { wrapModel, type Model } from '../model.js';
import { rngFor } from '../rng.js';
import { gradientChain } from './input-gradient.js';

type Build = () => tf.LayersModel;

/** Gives every weight seeded normal values (variances positive), so the tests do not hang on initialisers. */
function seedWeights(net: tf.LayersModel, key: string): tf.LayersModel {
  const rng = rngFor(23, 'backward', key);
  for (const layer of net.layers) {
    const fresh = layer.weights.map((w) => {
      const shape = w.shape.map((d) => d ?? 1);
      const size = shape.reduce((a, b) => a * b, 1);
      const positive = /variance/.test(w.name);
      return tf.tensor(Float32Array.from({ length: size }, () => (positive ? 0.5 + rng.next() : 0.6 * rng.normal())), shape);
    });
    layer.setWeights(fresh);
    fresh.forEach((t) => t.dispose());
  }
  return net;
}

type ConvArgs = Parameters<typeof tf.layers.conv2d>[0];
const conv = (cfg: Partial<ConvArgs>) => tf.layers.conv2d({ filters: 3, kernelSize: 3, ...cfg } as ConvArgs);

const NETS: Record<string, Build> = {
  'conv same even kernel, sigmoid; valid tanh; max pool same; dense relu; softmax': () =>
    tf.sequential({
      layers: [
        conv({ inputShape: [9, 8, 2], kernelSize: [2, 4], padding: 'same', activation: 'sigmoid' }),
        conv({ filters: 4, padding: 'valid', activation: 'tanh' }),
        tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: 'same' }),
        tf.layers.flatten(),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 5, activation: 'relu' }),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    }),
  'one-channel input (depthwise route), conv + batch norm + relu folded, overlapping average pool': () =>
    tf.sequential({
      layers: [
        conv({ inputShape: [10, 9, 1], filters: 8, kernelSize: 5, padding: 'valid' }),
        tf.layers.batchNormalization({ axis: -1 }),
        tf.layers.activation({ activation: 'relu' }),
        tf.layers.averagePooling2d({ poolSize: 3, strides: 1 }),
        conv({ filters: 8, kernelSize: [3, 2], padding: 'same', activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 4, activation: 'softmax' }),
      ],
    }),
  'batch norms unfolded: after a relu convolution, after a pool, with tanh after': () =>
    tf.sequential({
      layers: [
        conv({ inputShape: [6, 6, 3], padding: 'same', activation: 'relu' }),
        tf.layers.batchNormalization({ axis: -1 }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.batchNormalization({ axis: 3 }),
        tf.layers.activation({ activation: 'tanh' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    }),
  'MLP, dense + batch norm folded, sigmoid head (two classes)': () =>
    tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [7], units: 6 }),
        tf.layers.batchNormalization(),
        tf.layers.activation({ activation: 'relu' }),
        tf.layers.dense({ units: 5, activation: 'tanh' }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    }),
  'MLP with a linear multi-class head': () =>
    tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 6, activation: 'relu' }), tf.layers.dense({ units: 3 })] }),
  'MLP with a softmax Activation layer': () =>
    tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [5], units: 6, activation: 'relu' }),
        tf.layers.dense({ units: 3 }),
        tf.layers.activation({ activation: 'softmax' }),
      ],
    }),
  'MLP with several sigmoid outputs (multi-label)': () =>
    tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 6, activation: 'tanh' }), tf.layers.dense({ units: 3, activation: 'sigmoid' })] }),
  'one-output score model': () =>
    tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 5, activation: 'sigmoid' }), tf.layers.dense({ units: 1 })] }),
};

const ROWS = 7;

function batchFor(model: Model, key: string) {
  const rng = rngFor(23, 'backward-input', key);
  const d = model.inputShape.reduce((a, b) => a * b, 1);
  return makeBatch(Float32Array.from({ length: ROWS * d }, () => rng.normal()), model.inputShape);
}

/** The tape through the network as built (unfolded): what Engine.gradients computed before core/backward/. */
function tapeGradient(model: Model, batch: ReturnType<typeof batchFor>, targets: Int32Array, output: 'logit' | 'probability'): Float32Array {
  const { net, logitsNet } = model.layered!;
  return tf.tidy(() => {
    const mask = model.numClasses === 1 ? tf.ones([ROWS, 1]) : tf.oneHot(tf.tensor1d(targets, 'int32'), model.numClasses);
    const x = tf.tensor(batch.data, [ROWS, ...model.inputShape]);
    const binary = model.numClasses === 2 && net.outputs[0].shape[1] === 1;
    const readOut = (t: tf.Tensor): tf.Tensor => {
      // Probabilities of a softmax or sigmoid head come from the net's own last layer (core/model.ts).
      if (output === 'probability' && !binary && !model.score && logitsNet !== net) return net.apply(t, { training: false }) as tf.Tensor;
      const z = logitsNet.apply(t, { training: false }) as tf.Tensor;
      if (binary) {
        const logits = tf.concat([z.mul(-0.5), z.mul(0.5)], 1);
        return output === 'logit' ? logits : tf.softmax(logits);
      }
      return output === 'logit' || model.score ? z : tf.softmax(z);
    };
    return tf.grad((t: tf.Tensor) => readOut(t).mul(mask).sum())(x).dataSync() as Float32Array;
  });
}

describe('hand-derived input gradients (core/backward/)', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it.each(Object.keys(NETS))('%s: within 1e-5 of the tape, logits and probabilities', async (name) => {
    const model = await wrapModel(seedWeights(NETS[name](), name), name);
    expect(model.inputGradient).toBeDefined();
    const batch = batchFor(model, name);
    const targets = Int32Array.from({ length: ROWS }, (_, i) => i % model.numClasses);
    for (const output of ['logit', 'probability'] as const) {
      const want = tapeGradient(model, batch, targets, output);
      const before = tf.memory().numTensors;
      const got = new Engine(model, 3).gradients(batch, targets, output);
      expect(tf.memory().numTensors).toBe(before);
      const scale = Math.max(...Array.from(want, Math.abs));
      expect(scale).toBeGreaterThan(1e-3);
      let worst = 0;
      for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst / scale).toBeLessThan(1e-5);
    }
    model.dispose();
  });

  it('a worked example: a 2x2 convolution summed, the input gradient counts each pixel’s filter taps', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [3, 3, 1], filters: 1, kernelSize: 2, useBias: false }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1, useBias: false }),
      ],
    });
    net.layers[0].setWeights([tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1])]);
    net.layers[2].setWeights([tf.ones([4, 1])]);
    const model = await wrapModel(net, 'worked');
    expect(model.score).toBe(true);
    const g = new Engine(model).gradients(makeBatch(new Float32Array(9), [3, 3, 1]), 0, 'logit');
    // Each pixel gets the taps of the windows it falls in: corners one tap, edges two, the centre all four.
    expect(Array.from(g)).toEqual([1, 1 + 2, 2, 1 + 3, 1 + 2 + 3 + 4, 2 + 4, 3, 3 + 4, 4]);
    model.dispose();
  });

  it("a batch norm without scale or shift, which tfjs's tape cannot take, gives the gradient of a scale of ones", async () => {
    // tfjs's tape fails on a FusedBatchNorm without scale or offset (it saves and walks the missing inputs).
    const build = (scale: boolean) =>
      tf.sequential({
        layers: [
          conv({ inputShape: [5, 5, 2], padding: 'same', activation: 'relu', name: 'c' }),
          tf.layers.maxPooling2d({ poolSize: 2, name: 'p' }),
          tf.layers.batchNormalization({ scale, center: scale, name: 'bn' }),
          tf.layers.flatten({ name: 'f' }),
          tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }),
        ],
      });
    const without = seedWeights(build(false), 'no-scale');
    const ones = build(true);
    for (const layer of without.layers) {
      const target = ones.getLayer(layer.name);
      const ws = layer.getWeights();
      target.setWeights(layer.name === 'bn' ? [tf.ones(ws[0].shape), tf.zeros(ws[0].shape), ...ws] : ws);
    }
    const a = await wrapModel(without, 'no-scale');
    const b = await wrapModel(ones, 'ones');
    const batch = batchFor(a, 'no-scale');
    const want = tapeGradient(b, batch, Int32Array.from([0, 1, 2, 0, 1, 2, 0]), 'probability');
    const got = new Engine(a).gradients(batch, Int32Array.from([0, 1, 2, 0, 1, 2, 0]), 'probability');
    const scale = Math.max(...Array.from(want, Math.abs));
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5 * scale);
    a.dispose();
    b.dispose();
  });

  it('networks outside the rules keep the tape, and say why', async () => {
    const input = tf.input({ shape: [4] });
    const a = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const branching = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2, activation: 'softmax' }).apply(sum) as tf.SymbolicTensor });
    expect(gradientChain(branching)).toMatch(/not a plain chain/);
    const strided = tf.sequential({ layers: [conv({ inputShape: [6, 6, 1], strides: 2, name: 'strided' }), tf.layers.flatten(), tf.layers.dense({ units: 2, activation: 'softmax' })] });
    expect(gradientChain(strided)).toMatch(/Conv2D layer 'strided': strides/);
    const elu = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 3, activation: 'elu', name: 'e' }), tf.layers.dense({ units: 2, activation: 'softmax' })] });
    expect(gradientChain(elu)).toMatch(/'e': activation elu/);
    for (const net of [branching, strided, elu]) {
      const model = await wrapModel(seedWeights(net, net.name), net.name);
      expect(model.inputGradient).toBeUndefined();
      const g = new Engine(model).gradients(batchFor(model, net.name), 1, 'logit');
      expect(g.some((v) => v !== 0)).toBe(true);
      model.dispose();
    }
  });
});
