/**
 * Batch norms folded into the layer before them (fold-batch-norm.ts): the folded network computes the
 * unfolded one's outputs to float32 rounding, has no BatchNormalization layer left, and is not built
 * when there is nothing to fold.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './backend.js';
import { foldBatchNorms } from './fold-batch-norm.js';
import { loadModel } from './model.js';
import { modelJsonPath } from '../datasets/zoo.js';
import { rngFor } from './rng.js';

function relativeGap(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return worst / scale;
}

describe('folding batch norms', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('the deeper MNIST CNN: three conv + BN + ReLU blocks become three convolutions with the same outputs', async () => {
    const model = await loadModel(modelJsonPath('mnist-cnn-deep'));
    const net = model.layered!.net;
    const folded = foldBatchNorms(net)!;
    expect(folded).not.toBeNull();
    const classes = (m: tf.LayersModel) => m.layers.map((l) => l.getClassName()).filter((c) => c !== 'InputLayer');
    expect(classes(net).filter((c) => c === 'BatchNormalization')).toHaveLength(3);
    expect(classes(folded)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'AveragePooling2D', 'Flatten', 'Dense']);
    const rng = rngFor(4, 'fold');
    const x = tf.tensor4d(Float32Array.from({ length: 16 * 784 }, () => rng.next()), [16, 28, 28, 1]);
    const logits = (m: tf.LayersModel) => tf.tidy(() => (m.apply(x) as tf.Tensor).dataSync() as Float32Array);
    expect(relativeGap(logits(folded), logits(net))).toBeLessThan(1e-5);
    // apply() runs the folded copy.
    const viaModel = tf.tidy(() => model.apply(x, 'probability').dataSync() as Float32Array);
    expect(relativeGap(viaModel, logits(folded))).toBe(0);
    folded.dispose();
    x.dispose();
    model.dispose();
  });

  it('a Dense + BN without scale or shift folds too; networks without a foldable BN are left alone', () => {
    const net = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 3 }),
        tf.layers.batchNormalization({ scale: false, center: false }),
        tf.layers.dense({ units: 2 }),
      ],
    });
    net.layers[1].setWeights([tf.tensor1d([0.5, -1, 2]), tf.tensor1d([4, 0.25, 1])]);
    const folded = foldBatchNorms(net)!;
    const x = tf.tensor2d([[1, 2, 3, 4], [-1, 0.5, 0, 2]]);
    const a = tf.tidy(() => (folded.apply(x) as tf.Tensor).dataSync() as Float32Array);
    const b = tf.tidy(() => (net.apply(x) as tf.Tensor).dataSync() as Float32Array);
    expect(relativeGap(a, b)).toBeLessThan(1e-6);
    const reluFirst = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: 'relu' }), tf.layers.batchNormalization()],
    });
    expect(foldBatchNorms(reluFirst)).toBeNull();
    const afterPool = tf.sequential({
      layers: [tf.layers.maxPooling2d({ inputShape: [4, 4, 1], poolSize: 2 }), tf.layers.batchNormalization()],
    });
    expect(foldBatchNorms(afterPool)).toBeNull();
    folded.dispose();
    tf.dispose([x]);
  });
});
