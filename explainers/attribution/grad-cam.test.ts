/** Grad-CAM and guided Grad-CAM on a hand-weighted conv net: the map, its bilinear upsampling, the refusal on MLPs. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { wrapModel } from '../../core/model.js';
import { contextFor, imageTask, runExplainer, tinyConvNet } from '../../test/helpers/explainer-fixtures.js';
import { imageLinearSoftmax } from '../../test/helpers/tiny-models.js';
import { gradCamExplainer } from './grad-cam.js';
import { guidedBackpropExplainer } from './guided-backprop.js';
import { guidedGradCamExplainer } from './guided-grad-cam.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** 4x4x1 input, conv 2x2 stride 2 with kernel of ones (one filter, ReLU): A is the 2x2 block sums; dense 2 classes. */
async function blockNet(w: number[][]) {
  const net = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 1, kernelSize: 2, strides: 2, activation: 'relu', name: 'conv' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.ones([2, 2, 1, 1]), tf.zeros([1])]);
  net.layers[2].setWeights([tf.tensor2d(w), tf.zeros([2])]);
  return wrapModel(net, 'block-net');
}

describe('grad-cam', () => {
  it('is ReLU(mean gradient x A), upsampled bilinearly with half-pixel centres', async () => {
    // Class 1 weighs the four blocks 1, 2, 3, 6: alpha = mean = 3; A = block sums of x.
    const model = await blockNet([[0, 1], [0, 2], [0, 3], [0, 6]]);
    const ctx = contextFor(model, imageTask({ height: 4, width: 4, classes: ['a', 'b'] }));
    const x = Float32Array.from([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0.5, 0, 0, 0, 0, 0]);
    const a = await runExplainer(gradCamExplainer, ctx, makeBatch(x, [4, 4, 1]), Int32Array.from([1]));
    const cam = [3 * 1, 3 * 1, 3 * 0, 3 * 0.5]; // blocks (0,0), (0,1), (1,0), (1,1)
    // Half-pixel bilinear from 2 to 4: output i samples source i/2 - 1/4, clamped: weights (1,0), (.75,.25), (.25,.75), (0,1).
    const wts = [[1, 0], [0.75, 0.25], [0.25, 0.75], [0, 1]];
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        let want = 0;
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) want += wts[r][i] * wts[c][j] * cam[2 * i + j];
        expect(a.attributions[r * 4 + c]).toBeCloseTo(want, 5);
      }
    }
  });

  it('cuts negative maps to zero (the ReLU of the paper)', async () => {
    const model = await blockNet([[0, -1], [0, -1], [0, -1], [0, -1]]);
    const ctx = contextFor(model, imageTask({ height: 4, width: 4, classes: ['a', 'b'] }));
    const a = await runExplainer(gradCamExplainer, ctx, makeBatch(new Float32Array(16).fill(1), [4, 4, 1]), Int32Array.from([1]));
    expect(Array.from(a.attributions).every((v) => v === 0)).toBe(true);
  });

  it('guided grad-cam is guided backprop times the grad-cam map, element by element', async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const x = makeBatch(Float32Array.from({ length: 72 }, (_, k) => ((k * 5) % 13) / 12), [6, 6, 1]);
    const t = Int32Array.from([0, 2]);
    const cam = await runExplainer(gradCamExplainer, ctx, x, t);
    const gb = await runExplainer(guidedBackpropExplainer, ctx, x, t);
    const ggc = await runExplainer(guidedGradCamExplainer, ctx, x, t);
    expect(cam.attributions.some((v) => v > 0)).toBe(true);
    ggc.attributions.forEach((v, k) => expect(v).toBeCloseTo(gb.attributions[k] * cam.attributions[k], 6));
  });

  it('refuses a model without a Conv2D layer, and an unknown layer, in one line', async () => {
    const mlp = await imageLinearSoftmax(2, 2, [[1, 0], [0, 1], [1, 1], [0, 0]], [0, 0]);
    const ctx = contextFor(mlp, imageTask({ height: 2, width: 2, classes: ['a', 'b'] }));
    const run = () => runExplainer(gradCamExplainer, ctx, makeBatch(new Float32Array(4), [2, 2, 1]), Int32Array.from([0]));
    await expect(run()).rejects.toThrow(UserError);
    await expect(run()).rejects.toThrow(/^grad-cam: image-linear-softmax has no Conv2D layer/);
    const conv = contextFor(await tinyConvNet(), imageTask({ height: 6, width: 6 }));
    await expect(runExplainer(gradCamExplainer, conv, makeBatch(new Float32Array(36), [6, 6, 1]), Int32Array.from([0]), { layer: 'out' })).rejects.toThrow(
      /grad-cam\.layer=out: no Conv2D layer named 'out' \(Conv2D layers: conv\)/,
    );
  });
});
