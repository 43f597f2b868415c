/**
 * The engine's replacements for tfjs's input-gradient kernels and BatchNorm gradient
 * (wasm-conv-input-grad.ts, wasm-max-pool-grad.ts with its WebAssembly SIMD kernel
 * core/wasm-simd/max-pool-grad.wat and its JavaScript one, batch-norm-grad.ts) against tfjs's own, bit
 * for bit: every case is computed first with tfjs's stock wasm kernels, then again after registering ours.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerLeanBatchNormGradient } from './batch-norm-grad.js';
import { rngFor } from './rng.js';
import { registerWasmConvInputGrad } from './wasm-conv-input-grad.js';
import { registerWasmMaxPoolGrad, useSimdMaxPoolGrad } from './wasm-max-pool-grad.js';

type S4 = [number, number, number, number];

/** Normal values with exact zeros (as after a ReLU) and, where asked, repeated values (ties in a pool). */
function rand(shape: number[], key: string, ties = false): Float32Array {
  const rng = rngFor(5, key);
  const n = shape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: n }, () => (rng.bernoulli(0.4) ? 0 : ties && rng.bernoulli(0.3) ? 0.5 : rng.normal()));
}

const convCases = [
  { name: 'valid 5x5, one input channel', x: [3, 12, 11, 1] as S4, f: [5, 5, 1, 8] as S4, strides: 1, pad: 'valid' as const },
  { name: 'valid 5x5, 8 to 16 channels', x: [2, 9, 8, 8] as S4, f: [5, 5, 8, 16] as S4, strides: 1, pad: 'valid' as const },
  { name: 'same 3x3', x: [2, 7, 6, 3] as S4, f: [3, 3, 3, 4] as S4, strides: 1, pad: 'same' as const },
  { name: 'same 2x4, uneven padding', x: [1, 6, 9, 2] as S4, f: [2, 4, 2, 3] as S4, strides: 1, pad: 'same' as const },
  { name: 'stride 2 (tfjs kernel kept)', x: [2, 8, 7, 2] as S4, f: [3, 3, 2, 2] as S4, strides: 2, pad: 'same' as const },
];

const poolCases = [
  { name: '2x2 stride 2', x: [2, 8, 6, 3] as S4, size: 2, strides: 2, pad: 'valid' as const },
  { name: '2x2 stride 2, odd size', x: [2, 7, 9, 2] as S4, size: 2, strides: 2, pad: 'valid' as const },
  { name: '2x2 stride 2, same padding', x: [1, 7, 5, 2] as S4, size: 2, strides: 2, pad: 'same' as const },
  { name: '2x2 stride 2, 8 channels (two groups of four)', x: [2, 6, 6, 8] as S4, size: 2, strides: 2, pad: 'valid' as const },
  { name: '3x3 stride 3, 7 channels (a group of four and three left)', x: [2, 9, 7, 7] as S4, size: 3, strides: 3, pad: 'same' as const },
  { name: '3x3 stride 2, overlapping (tfjs kernel kept)', x: [1, 9, 9, 2] as S4, size: 3, strides: 2, pad: 'valid' as const },
];

function convInputGrad(c: (typeof convCases)[number]): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(rand(c.x, `x${c.name}`), c.x);
    const w = tf.tensor4d(rand(c.f, `w${c.name}`), c.f);
    const y = tf.conv2d(x, w, c.strides, c.pad);
    const dy = tf.tensor(rand(y.shape, `dy${c.name}`), y.shape);
    return tf.grad((xx: tf.Tensor) => tf.conv2d(xx as tf.Tensor4D, w, c.strides, c.pad).mul(dy).sum())(x).dataSync() as Float32Array;
  });
}

function poolInputGrad(c: (typeof poolCases)[number], allZeroFirstWindow: boolean, nonFinite = false): Float32Array {
  return tf.tidy(() => {
    const xs = rand(c.x, `p${c.name}`, true);
    // A window of only zeros and negatives: tfjs's kernel starts its maximum at the smallest positive float.
    if (allZeroFirstWindow) for (const i of [0, 1, c.x[3], c.x[3] + 1]) xs[i * c.x[3]] = -Math.abs(xs[i * c.x[3]]);
    const x = tf.tensor4d(xs, c.x);
    const y = tf.maxPool(x, c.size, c.strides, c.pad);
    const dys = rand(y.shape, `pdy${c.name}`);
    // Non-finite gradients: tfjs writes 0 + dy * 0 (NaN) over their whole window.
    if (nonFinite) [dys[0], dys[1], dys[dys.length - 1]] = [Infinity, NaN, -Infinity];
    const dy = tf.tensor(dys, y.shape);
    return tf.grad((xx: tf.Tensor) => tf.maxPool(xx as tf.Tensor4D, c.size, c.strides, c.pad).mul(dy).sum())(x).dataSync() as Float32Array;
  });
}

/** Every variant of a pool case: plain, a window without a positive value, non-finite gradients. */
const poolVariants = (c: (typeof poolCases)[number]) => [poolInputGrad(c, false), poolInputGrad(c, true), poolInputGrad(c, false, true)];

/** All five derivatives of a batch norm over the last axis, concatenated. */
function batchNormGrads(): Float32Array {
  return tf.tidy(() => {
    const shape: S4 = [3, 4, 5, 6];
    const x = tf.tensor4d(rand(shape, 'bnx'), shape);
    const mean = tf.tensor1d(rand([6], 'bnm'));
    const variance = tf.tensor1d(rand([6], 'bnv').map((v) => v * v + 0.1));
    const scale = tf.tensor1d(rand([6], 'bns'));
    const offset = tf.tensor1d(rand([6], 'bno'));
    const dy = tf.tensor4d(rand(shape, 'bndy'), shape);
    const f = (a: tf.Tensor, m: tf.Tensor, v: tf.Tensor, s: tf.Tensor, o: tf.Tensor) =>
      tf.batchNorm(a as tf.Tensor4D, m as tf.Tensor1D, v as tf.Tensor1D, o as tf.Tensor1D, s as tf.Tensor1D, 0.001).mul(dy).sum();
    const gs = tf.grads(f)([x, mean, variance, scale, offset]);
    return tf.concat(gs.map((g) => g.flatten())).dataSync() as Float32Array;
  });
}

function expectBitIdentical(got: Float32Array, want: Float32Array): void {
  expect(got.length).toBe(want.length);
  let differing = 0;
  for (let i = 0; i < got.length; i++) if (got[i] !== want[i] && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) differing++;
  expect(differing).toBe(0);
}

const stock: { conv: Float32Array[]; pool: Float32Array[]; bn: Float32Array } = { conv: [], pool: [], bn: new Float32Array(0) };

describe("the engine's gradient kernels against tfjs's (wasm)", () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('wasm');
    await tf.ready();
    stock.conv = convCases.map(convInputGrad);
    stock.pool = poolCases.flatMap(poolVariants);
    stock.bn = batchNormGrads();
    registerWasmConvInputGrad();
    registerWasmMaxPoolGrad();
    registerLeanBatchNormGradient();
  });

  it.each(convCases.map((c, i) => ({ ...c, i })))('Conv2DBackpropInput, bit-identical: $name', (c) => {
    const got = convInputGrad(c);
    expect(got.some((v) => v !== 0)).toBe(true);
    expectBitIdentical(got, stock.conv[c.i]);
  });

  it.each(poolCases.map((c, i) => ({ ...c, i })))('MaxPoolGrad, bit-identical, WebAssembly SIMD and JavaScript: $name', (c) => {
    for (const simd of [true, false]) {
      useSimdMaxPoolGrad(simd);
      poolVariants(c).forEach((got, v) => expectBitIdentical(got, stock.pool[3 * c.i + v]));
    }
    useSimdMaxPoolGrad(true);
  });

  it('FusedBatchNorm gradient: all five derivatives bit-identical', () => {
    expectBitIdentical(batchNormGrads(), stock.bn);
  });

  it('a hand-checked max-pool gradient: the last maximum of each window takes dy, ties included', () => {
    const g = tf.tidy(() => {
      const x = tf.tensor4d([1, 3, 3, 2, 0, 0, 0, 0], [1, 2, 4, 1]);
      return tf.grad((xx: tf.Tensor) => tf.maxPool(xx as tf.Tensor4D, 2, 2, 'valid').mul(tf.tensor4d([5, 7], [1, 1, 2, 1])).sum())(x).dataSync();
    });
    // Window 1: [1, 3 / 0, 0] -> position of 3; window 2: [3, 2 / 0, 0] -> the 3. The zeros get nothing.
    expect(Array.from(g)).toEqual([0, 5, 7, 0, 0, 0, 0, 0]);
  });
});
