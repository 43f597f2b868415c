import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './backend.js';
import { makeBatch } from './batch.js';
import { defaultBatchSize, Engine } from './engine.js';
import { linearSoftmax } from '../test/helpers/tiny-models.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('Engine', () => {
  it('returns logits, probabilities and exact gradients of a linear model, counting passes', async () => {
    const model = await linearSoftmax([[1, -1], [2, 0.5], [0, 3]], [0.1, -0.2]);
    const engine = new Engine(model, 2);
    const before = tf.memory().numTensors;
    const x = makeBatch(new Float32Array([1, 2, 3, -1, 0, 0.5, 0, 0, 0]), [3]);
    const logits = engine.outputs(x, 'logit');
    expect(Array.from(logits).map((v) => +v.toFixed(5))).toEqual([5.1, 8.8, -0.9, 2.3, 0.1, -0.2]);
    const p = engine.targetOutputs(x, [0, 1, 0], 'probability');
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(8.8 - 5.1)), 5);
    const g = engine.gradients(x, [1, 0, 1], 'logit');
    expect(Array.from(g)).toEqual([-1, 0.5, 3, 1, 2, 0, -1, 0.5, 3]);
    expect(engine.passes()).toEqual({ forwardPasses: 6, gradientPasses: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(() => engine.outputs(makeBatch(new Float32Array(4), [4]), 'logit')).toThrow(/does not match/);
  });

  it('randomised copies differ from the original, are seeded, and keep the shape', async () => {
    const model = await linearSoftmax([[1, -1], [2, 0.5], [0, 3]], [0.1, -0.2]);
    const r1 = await model.randomised(7, 'all');
    const r2 = await model.randomised(7, 'all');
    const r3 = await model.randomised(8, 'all');
    expect(r1.hash).toBe(r2.hash);
    expect(r1.hash).not.toBe(r3.hash);
    expect(r1.hash).not.toBe(model.hash);
    expect(r1.inputShape).toEqual([3]);
  });
});

describe('Engine gradients through convolutions on wasm', () => {
  it('work through a linear-activation conv with a bias (the deep CNN block), matching cpu', async () => {
    const build = () => {
      const net = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: 'linear', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: 'ones' }),
          tf.layers.batchNormalization(),
          tf.layers.activation({ activation: 'relu' }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
        ],
      });
      return net;
    };
    const { wrapModel } = await import('./model.js');
    const x = makeBatch(Float32Array.from({ length: 72 }, (_, i) => Math.sin(i)), [6, 6, 1]);
    const wasmGrad = new Engine(await wrapModel(build())).gradients(x, [0, 2], 'logit');
    await tf.setBackend('cpu');
    const cpuGrad = new Engine(await wrapModel(build())).gradients(x, [0, 2], 'logit');
    await tf.setBackend('wasm');
    expect(wasmGrad.length).toBe(72);
    for (let i = 0; i < 72; i++) expect(wasmGrad[i]).toBeCloseTo(cpuGrad[i], 4);
  });
});

describe('Engine.activations', () => {
  it("returns a hidden layer's output per row, counted as forward passes, without leaks", async () => {
    const { reluMlp } = await import('../test/helpers/tiny-models.js');
    // hidden = relu(x W1 + b1) with W1 = [[1, -1], [2, 1]], b1 = [0, 0.5]
    const model = await reluMlp([[1, -1], [2, 1]], [0, 0.5], [[1], [1]], [0]);
    const engine = new Engine(model, 1);
    const hidden = model.layered!.layers.find((l) => l.getClassName() === 'Dense')!.name;
    const before = tf.memory().numTensors;
    const x = makeBatch(new Float32Array([1, 1, -1, 0.25]), [2]);
    const a = engine.activations(x, hidden);
    expect(a.width).toBe(2);
    expect(Array.from(a.values)).toEqual([3, 0.5, 0, 1.75]);
    expect(engine.passes().forwardPasses).toBe(2);
    engine.activations(x, hidden);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => engine.activations(x, 'no-such-layer')).toThrow(/no layer named/);
    model.dispose();
  });
});

describe('defaultBatchSize', () => {
  it('gives small inputs big chunks (a power of two up to 4096) and images 256 rows', () => {
    expect(defaultBatchSize([4])).toBe(4096);
    expect(defaultBatchSize([30])).toBe(4096);
    expect(defaultBatchSize([64])).toBe(4096);
    expect(defaultBatchSize([200])).toBe(1024);
    expect(defaultBatchSize([784])).toBe(256);
    expect(defaultBatchSize([28, 28, 1])).toBe(256);
    expect(defaultBatchSize([224, 224, 3])).toBe(256);
  });

  it('gives the same outputs whatever the chunk', async () => {
    const model = await linearSoftmax([[1, -1], [0.5, 2], [-1, 0.25]], [0.1, -0.2]);
    const data = Float32Array.from({ length: 3 * 1000 }, (_, i) => Math.sin(i));
    const batch = makeBatch(data, [3]);
    const big = new Engine(model).outputs(batch, 'probability');
    const small = new Engine(model, 7).outputs(batch, 'probability');
    expect(Array.from(small)).toEqual(Array.from(big));
  });
});
