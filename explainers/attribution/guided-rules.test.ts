/** Guided backprop and deconvnet on hand-weighted ReLU nets, against the gradient. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { type Model, wrapModel } from '../../core/model.js';
import { contextFor, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { deepliftExampleNet } from '../../test/helpers/tiny-models.js';
import { deconvnetExplainer } from './deconvnet.js';
import { gradientExplainer } from './gradient.js';
import { guidedBackpropExplainer } from './guided-backprop.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** logit 1 = relu(relu(x1) + relu(x2) - 1), logit 0 = 0. */
async function sumNet(): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 2, activation: 'relu', name: 'first' }),
      tf.layers.dense({ units: 1, activation: 'relu', name: 'second' }),
      tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor2d([[1, 0], [0, 1]]), tf.tensor1d([0, 0])]);
  net.layers[1].setWeights([tf.tensor2d([[1], [1]]), tf.tensor1d([-1])]);
  net.layers[2].setWeights([tf.tensor2d([[0, 1]]), tf.tensor1d([0, 0])]);
  return wrapModel(net, 'sum-net');
}

async function three(model: Model, x: number[]) {
  const ctx = contextFor(model, tabularTask({ features: 2 }));
  const b = makeBatch(Float32Array.from(x), [2]);
  const t = Int32Array.from([1]);
  const run = async (e: Parameters<typeof runExplainer>[0]) => Array.from((await runExplainer(e, ctx, b, t)).attributions);
  return { gradient: await run(gradientExplainer), guided: await run(guidedBackpropExplainer), deconv: await run(deconvnetExplainer) };
}

describe('guided backprop and deconvnet', () => {
  it('stop the negative signal at an active ReLU where the gradient passes it (relu(relu(x1) - 1 - relu(x2)) at (3, 1))', async () => {
    const r = await three(await deepliftExampleNet(), [3, 1]);
    expect(r.gradient).toEqual([1, -1]);
    expect(r.guided).toEqual([1, 0]);
    expect(r.deconv).toEqual([1, 0]);
  });

  it('differ at an inactive ReLU with a positive signal: deconvnet passes it, guided backprop does not (relu(relu(x1) + relu(x2) - 1) at (3, -1))', async () => {
    const r = await three(await sumNet(), [3, -1]);
    expect(r.gradient).toEqual([1, 0]);
    expect(r.guided).toEqual([1, 0]);
    expect(r.deconv).toEqual([1, 1]);
  });
});
