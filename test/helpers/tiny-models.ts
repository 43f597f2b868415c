/** Tiny hand-weighted models for known-answer tests (Captum's pattern). */
import * as tf from '@tensorflow/tfjs';
import { type Model, wrapModel } from '../../core/model.js';

/** softmax(W x + b) with the given W (inputs x classes) and b. */
export async function linearSoftmax(w: number[][], b: number[]): Promise<Model> {
  const d = w.length;
  const c = w[0].length;
  const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [d], units: c, activation: 'softmax', name: 'out' })] });
  net.layers[0].setWeights([tf.tensor2d(w), tf.tensor1d(b)]);
  return wrapModel(net, 'linear-softmax');
}

/** A two-layer ReLU net: softmax(W2 relu(W1 x + b1) + b2). */
export async function reluMlp(w1: number[][], b1: number[], w2: number[][], b2: number[]): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [w1.length], units: w1[0].length, activation: 'relu', name: 'hidden' }),
      tf.layers.dense({ units: w2[0].length, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor2d(w1), tf.tensor1d(b1)]);
  net.layers[1].setWeights([tf.tensor2d(w2), tf.tensor1d(b2)]);
  return wrapModel(net, 'relu-mlp');
}

/** softmax(W flatten(x) + b) on h x w x 1 images; W is (h w) x classes, row-major pixels. */
export async function imageLinearSoftmax(h: number, w: number, weights: number[][], bias: number[]): Promise<Model> {
  const net = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [h, w, 1] }), tf.layers.dense({ units: weights[0].length, activation: 'softmax', name: 'out' })],
  });
  net.layers[1].setWeights([tf.tensor2d(weights), tf.tensor1d(bias)]);
  return wrapModel(net, 'image-linear-softmax');
}

/**
 * The DeepLIFT paper's kind of example as two classes: logit 1 is f(x1, x2) = relu(relu(x1) - 1 - relu(x2)),
 * logit 0 is 0. At (3, 1) with baseline 0 the rescale rule gives [1.5, -0.5], gradient x input [3, -1].
 */
export async function deepliftExampleNet(): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 2, activation: 'relu', name: 'first' }),
      tf.layers.dense({ units: 1, activation: 'relu', name: 'second' }),
      tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor2d([[1, 0], [0, 1]]), tf.tensor1d([0, 0])]);
  net.layers[1].setWeights([tf.tensor2d([[1], [-1]]), tf.tensor1d([-1])]);
  net.layers[2].setWeights([tf.tensor2d([[0, 1]]), tf.tensor1d([0, 0])]);
  return wrapModel(net, 'deeplift-example');
}
