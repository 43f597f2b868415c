import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './backend.js';
import { rngFor } from './rng.js';
import { conv2dFilterGrad, registerWasmConvFilterGrad } from './wasm-conv-filter-grad.js';

type S4 = [number, number, number, number];

function rand(shape: number[], key: string): Float32Array {
  const rng = rngFor(3, key);
  // Some exact zeros, as after a ReLU, exercise the skip in the kernel.
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.bernoulli(0.2) ? 0 : rng.normal()));
}

const cases = [
  { name: 'valid 5x5', x: [2, 9, 9, 2] as S4, f: [5, 5, 2, 3] as S4, strides: 1, pad: 'valid' as const },
  { name: 'same 3x3', x: [3, 7, 6, 3] as S4, f: [3, 3, 3, 4] as S4, strides: 1, pad: 'same' as const },
  { name: 'same 3x3 stride 2', x: [2, 8, 7, 2] as S4, f: [3, 3, 2, 2] as S4, strides: 2, pad: 'same' as const },
  { name: 'valid 2x4 stride 2', x: [1, 9, 10, 1] as S4, f: [2, 4, 1, 3] as S4, strides: 2, pad: 'valid' as const },
];

describe('conv2dFilterGrad', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it.each(cases)('matches the cpu backend kernel: $name', ({ x: xs, f, strides, pad }) => {
    const x = rand(xs, `x${xs}`);
    const w = rand(f, `w${f}`);
    const expected = tf.tidy(() => {
      const xt = tf.tensor4d(x, xs);
      const wt = tf.tensor4d(w, f);
      const y = tf.conv2d(xt, wt, strides, pad);
      const dy = tf.tensor(rand(y.shape, `dy${xs}`), y.shape);
      const g = tf.grad((ww: tf.Tensor) => tf.conv2d(xt, ww as tf.Tensor4D, strides, pad).mul(dy).sum())(wt);
      return { g: Float32Array.from(g.dataSync()), dy: Float32Array.from(dy.dataSync()) };
    });
    const got = conv2dFilterGrad(x, expected.dy, xs, { strides, pad, dataFormat: 'NHWC', filterShape: f });
    expect(got.length).toBe(expected.g.length);
    for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(expected.g[i], 4);
  });

  it('as a wasm kernel, gives the same filter gradient and leaks nothing', async () => {
    const { x: xs, f, strides, pad } = cases[1];
    const x = rand(xs, 'wx');
    const w = rand(f, 'ww');
    const grad = () =>
      tf.tidy(() => {
        const xt = tf.tensor4d(x, xs);
        const loss = (ww: tf.Tensor) => tf.conv2d(xt, ww as tf.Tensor4D, strides, pad).square().sum();
        return tf.grad(loss)(tf.tensor4d(w, f)).dataSync().slice();
      });
    const onCpu = grad();
    registerWasmConvFilterGrad();
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const onWasm = grad();
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < onCpu.length; i++) expect(onWasm[i]).toBeCloseTo(onCpu[i], 3);
  });
});
