import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { wrapModel } from '../../core/model.js';
import { contextFor, imageTask, runExplainer, tabularTask, tinyConvNet } from '../../test/helpers/explainer-fixtures.js';
import { deepliftExampleNet, reluMlp } from '../../test/helpers/tiny-models.js';
import { deepliftExplainer } from './deeplift.js';
import { gradientXInputExplainer } from './gradient-x-input.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let k = from; k < to; k++) s += a[k];
  return s;
};

describe('deeplift', () => {
  it('gives [1.5, -0.5] on relu(relu(x1) - 1 - relu(x2)) at (3, 1) from 0, where gradient x input gives [3, -1]', async () => {
    const ctx = contextFor(await deepliftExampleNet(), tabularTask({ features: 2 }));
    const x = makeBatch(Float32Array.from([3, 1]), [2]);
    const a = await runExplainer(deepliftExplainer, ctx, x, Int32Array.from([1]), { baseline: 'zero' });
    expect(a.attributions[0]).toBeCloseTo(1.5, 6);
    expect(a.attributions[1]).toBeCloseTo(-0.5, 6);
    expect(a.reference![0]).toBeCloseTo(0, 6);
    const gxi = await runExplainer(gradientXInputExplainer, ctx, x, Int32Array.from([1]));
    expect(Array.from(gxi.attributions)).toEqual([3, -1]);
  });

  it('sums to f(x) - f(baseline) on a ReLU MLP with a non-zero task baseline, in chunks of any size', async () => {
    const model = await reluMlp(
      [[1, -1, 0.5, 2], [-0.5, 1, 1, -1], [0.8, 0.3, -1.2, 0.4]],
      [-0.3, 0.2, 0.1, -0.5],
      [[1.5, -1], [-2, 0.7], [0.9, 1.1], [-0.4, 2]],
      [0.2, -0.1],
    );
    const task = tabularTask({ features: 3, baseline: [0.1, -0.2, 0.3] });
    const x = makeBatch(Float32Array.from([1.2, -0.7, 0.9, -0.4, 1.5, 0.6, 2, 2, -2]), [3]);
    const targets = Int32Array.from([0, 1, 1]);
    const a = await runExplainer(deepliftExplainer, contextFor(model, task), x, targets);
    const f = contextFor(model, task).engine.targetOutputs(x, targets, 'logit');
    for (let i = 0; i < 3; i++) expect(sum(a.attributions, 3 * i, 3 * i + 3)).toBeCloseTo(f[i] - a.reference![i], 5);
    const chunked = await runExplainer(deepliftExplainer, contextFor(model, task, 1, 2), x, targets);
    expect(Array.from(chunked.attributions)).toEqual(Array.from(a.attributions));
  });

  it('sums to f(x) - f(baseline) on a conv net (no max pooling)', async () => {
    const model = await tinyConvNet();
    const ctx = contextFor(model, imageTask({ height: 6, width: 6 }));
    const data = Float32Array.from({ length: 36 }, (_, k) => ((k * 7) % 11) / 10);
    const a = await runExplainer(deepliftExplainer, ctx, makeBatch(data, [6, 6, 1]), Int32Array.from([2]));
    const f = ctx.engine.targetOutputs(makeBatch(data, [6, 6, 1]), [2], 'logit');
    expect(sum(a.attributions)).toBeCloseTo(f[0] - a.reference![0], 4);
  });

  it('refuses a model it cannot walk, naming itself and the layer', async () => {
    const net = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [2], units: 2, name: 'd1' }),
        tf.layers.layerNormalization({ name: 'ln' }),
        tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
      ],
    });
    const ctx = contextFor(await wrapModel(net, 'layer-norm'), tabularTask({ features: 2 }));
    const run = () => runExplainer(deepliftExplainer, ctx, makeBatch(Float32Array.from([1, 1]), [2]), Int32Array.from([0]));
    await expect(run()).rejects.toThrow(UserError);
    await expect(run()).rejects.toThrow(/^deeplift: layer 'ln' \(LayerNormalization\) is not supported by deeplift/);
  });
});
