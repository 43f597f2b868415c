/**
 * Engine.gradients() (the hand-derived backward pass of core/backward/, batch norms folded, the
 * engine's kernels) against the plain tfjs tape with tfjs's stock kernels through the unfolded network,
 * on the zoo's CNNs and MLP: they agree to 1e-5 of the largest gradient (issue #23's tolerance); and the
 * filter gradient that tape input gradients skip (wasm-conv-filter-grad.ts) is still computed elsewhere.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './backend.js';
import { makeBatch } from './batch.js';
import { Engine } from './engine.js';
import { loadModel } from './model.js';
import { modelJsonPath } from '../datasets/zoo.js';
import { rngFor } from './rng.js';
import { registerWasmConvFilterGrad, withInputGradientOnly } from './wasm-conv-filter-grad.js';

const MODELS = ['mnist-cnn', 'mnist-cnn-deep', 'breast-cancer-mlp'];
const ROWS = 12;

function inputs(id: string, d: number): Float32Array {
  const rng = rngFor(9, 'engine-input-gradient', id);
  return Float32Array.from({ length: ROWS * d }, () => rng.next());
}

const targetsOf = (c: number) => Int32Array.from({ length: ROWS }, (_, i) => (i * 3) % c);

/** The plain tape through the network as loaded (no folding), as core/engine.ts computed it before core/backward/. */
async function tapeGradients(id: string, output: 'logit' | 'probability'): Promise<Float32Array> {
  const model = await loadModel(modelJsonPath(id));
  const d = model.inputShape.reduce((a, b) => a * b, 1);
  const mask = tf.oneHot(tf.tensor1d(targetsOf(model.numClasses), 'int32'), model.numClasses);
  const x0 = tf.tensor(inputs(id, d), [ROWS, ...model.inputShape]);
  const { net, logitsNet } = model.layered!;
  const run = (x: tf.Tensor) => (output === 'logit' ? logitsNet : net).apply(x, { training: false }) as tf.Tensor;
  const g = tf.tidy(() => tf.grad((x: tf.Tensor) => run(x).mul(mask).sum())(x0));
  const out = g.dataSync() as Float32Array;
  tf.dispose([g, mask, x0]);
  model.dispose();
  return out;
}

const stock = new Map<string, Float32Array>();

describe('Engine.gradients with the engine kernels (wasm)', () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('wasm');
    await tf.ready();
    registerWasmConvFilterGrad(); // the fused convolution's tape needs it, as before
    for (const id of MODELS) for (const o of ['logit', 'probability'] as const) stock.set(`${id} ${o}`, await tapeGradients(id, o));
    await useBackend('wasm');
  }, 120_000);

  it.each(MODELS)('%s: within 1e-5 of the tape, logits and probabilities', async (id) => {
    const model = await loadModel(modelJsonPath(id));
    expect(model.inputGradient).toBeDefined(); // the zoo's networks all take the hand-derived pass
    const engine = new Engine(model, 5); // chunks of 5: a last, short chunk too
    const batch = makeBatch(inputs(id, model.inputShape.reduce((a, b) => a * b, 1)), model.inputShape);
    for (const o of ['logit', 'probability'] as const) {
      const got = engine.gradients(batch, targetsOf(model.numClasses), o);
      const want = stock.get(`${id} ${o}`)!;
      const scale = Math.max(...Array.from(want, Math.abs));
      expect(scale).toBeGreaterThan(0);
      let worst = 0;
      for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst / scale).toBeLessThan(1e-5);
    }
    model.dispose();
  });

  it('outside an input gradient the filter gradient is computed, also after one threw', () => {
    expect(() => withInputGradientOnly(() => { throw new Error('boom'); })).toThrow('boom');
    const g = tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
      const b = tf.tensor1d([0.5]);
      // A fused convolution with a bias, as a Conv2D layer with a linear activation runs.
      return tf.grad((w: tf.Tensor) => tf.fused.conv2d({ x, filter: w as tf.Tensor4D, strides: 1, pad: 'valid', bias: b }).sum())(tf.ones([2, 2, 1, 1])).dataSync();
    });
    // d/dw[r,s] of the sum of all 2x2 outputs: the sum of the inputs each filter tap sees.
    expect(Array.from(g)).toEqual([1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9]);
  });
});
