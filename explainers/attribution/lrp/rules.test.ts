import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { rngFor } from '../../../core/rng.js';
import { conv2dOp, denseOp } from './linear-op.js';
import { type Links, convLinks, denseLinks, referenceRelevance } from '../../../test/helpers/lrp-loop-reference.js';
import { RULES, type Rule, type RuleSettings, linearRelevance } from './rule-registry.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const settings: RuleSettings = { epsilon: 0.05, gamma: 0.25, alpha: 3, beta: 2, plusBias: true };

function randoms(n: number, seed: string, lo = -1, hi = 1): number[] {
  const rng = rngFor(7, 'lrp-rules', seed);
  return Array.from({ length: n }, () => rng.uniform(lo, hi));
}

function expectClose(got: ArrayLike<number>, want: readonly number[], tol = 1e-4): void {
  expect(got.length).toBe(want.length);
  const scale = Math.max(1, ...want.map(Math.abs));
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(tol * scale);
}

/** Fast rule on a batch vs the loop over each sample's links. */
function compare(
  rule: Rule,
  fast: (a: tf.Tensor, r: tf.Tensor, low: tf.Tensor, high: tf.Tensor) => tf.Tensor,
  links: Links,
  inShape: number[],
  outShape: number[],
  batch: number,
  seed: string,
  nonNegative: boolean,
) {
  const d = links.nIn;
  const a = randoms(batch * d, `${seed}-a`, nonNegative ? 0 : -1, 1);
  const r = randoms(batch * links.nOut, `${seed}-r`, -1, 2);
  const low = a.map((v) => v - 0.5);
  const high = a.map((v) => v + 0.7);
  const got = tf.tidy(() =>
    fast(
      tf.tensor(a, [batch, ...inShape]),
      tf.tensor(r, [batch, ...outShape]),
      tf.tensor(low, [batch, ...inShape]),
      tf.tensor(high, [batch, ...inShape]),
    ).dataSync(),
  );
  const want: number[] = [];
  for (let i = 0; i < batch; i++) {
    const sl = (v: number[], n: number) => v.slice(i * n, (i + 1) * n);
    want.push(...referenceRelevance(rule, links, sl(a, d), sl(r, links.nOut), settings, sl(low, d), sl(high, d)));
  }
  expectClose(got, want);
}

describe('LRP rules: tfjs implementation equals a direct loop over the formula', () => {
  for (const withBias of [false, true]) {
    for (const rule of RULES) {
      it(`${rule} on a random Dense layer ${withBias ? 'with' : 'without'} bias`, () => {
        const [nIn, nOut] = [5, 4];
        const wFlat = randoms(nIn * nOut, `dense-w-${rule}`);
        const w = Array.from({ length: nIn }, (_, j) => wFlat.slice(j * nOut, (j + 1) * nOut));
        const b = withBias ? randoms(nOut, `dense-b-${rule}`, -0.5, 0.5) : null;
        const fast = (a: tf.Tensor, r: tf.Tensor, low: tf.Tensor, high: tf.Tensor) =>
          linearRelevance(rule, { op: denseOp, a, r, kernel: tf.tensor2d(w), bias: b ? tf.tensor1d(b) : null }, settings, { low, high });
        compare(rule, fast, denseLinks(w, b), [nIn], [nOut], 3, `dense-${rule}-${withBias}`, false);
      });
    }
  }

  const convCases = [
    { strides: [1, 1] as [number, number], padding: 'same' as const, height: 5, width: 4 },
    { strides: [2, 2] as [number, number], padding: 'valid' as const, height: 6, width: 5 },
  ];
  for (const c of convCases) {
    for (const rule of RULES) {
      it(`${rule} on a random Conv2D layer (stride ${c.strides[0]}, ${c.padding}, with bias)`, () => {
        const [kh, kw, cin, cout] = [3, 3, 2, 3];
        const kernel = randoms(kh * kw * cin * cout, `conv-w-${rule}`);
        const bias = randoms(cout, `conv-b-${rule}`, -0.3, 0.3);
        const links = convLinks({
          kernel,
          kh,
          kw,
          cin,
          cout,
          height: c.height,
          width: c.width,
          strides: c.strides,
          padding: c.padding,
          bias,
        });
        const op = conv2dOp({ strides: c.strides, padding: c.padding });
        const outShape = tf.tidy(() => op.forward(tf.zeros([1, c.height, c.width, cin]), tf.zeros([kh, kw, cin, cout])).shape.slice(1));
        expect(outShape[0] * outShape[1] * outShape[2]).toBe(links.nOut);
        const fast = (a: tf.Tensor, r: tf.Tensor, low: tf.Tensor, high: tf.Tensor) =>
          linearRelevance(
            rule,
            { op, a, r, kernel: tf.tensor4d(kernel, [kh, kw, cin, cout]), bias: tf.tensor1d(bias) },
            settings,
            { low, high },
          );
        // Hidden conv inputs are post-ReLU, so non-negative; γ is defined for those.
        compare(rule, fast, links, [c.height, c.width, cin], outShape, 2, `conv-${rule}-${c.padding}`, rule === 'gamma');
      });
    }
  }

  for (const rule of ['zplus', 'wsquare'] as const) {
    it(`${rule} with plusBias false (the bias-free DTD form) on a Dense layer with bias`, () => {
      const [nIn, nOut] = [5, 4];
      const wFlat = randoms(nIn * nOut, `dense-w-${rule}`);
      const w = Array.from({ length: nIn }, (_, j) => wFlat.slice(j * nOut, (j + 1) * nOut));
      const b = randoms(nOut, `dense-b-${rule}`, -0.5, 0.5);
      const noBias = { ...settings, plusBias: false };
      const fast = (
        a: tf.Tensor,
        r: tf.Tensor,
      ) => linearRelevance(rule, { op: denseOp, a, r, kernel: tf.tensor2d(w), bias: tf.tensor1d(b) }, noBias, null);
      const a = randoms(nIn, `nb-a-${rule}`);
      const r = randoms(nOut, `nb-r-${rule}`, -1, 2);
      const got = tf.tidy(() => fast(tf.tensor2d([a]), tf.tensor2d([r])).dataSync());
      expectClose(got, referenceRelevance(rule, denseLinks(w, b), a, r, noBias));
      // The bias changes the answer: with it (zennit's form) the shares differ.
      const withB = tf.tidy(() => linearRelevance(
        rule,
        { op: denseOp, a: tf.tensor2d([a]), r: tf.tensor2d([r]), kernel: tf.tensor2d(w), bias: tf.tensor1d(b) },
        settings,
        null,
      ).dataSync());
      expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - withB[i])))).toBeGreaterThan(1e-3);
    });
  }

  it('zplus with the bias equals alpha1beta0 (zennit: ZPlus is AlphaBeta(1, 0))', () => {
    const w = [[0.5, -1], [1, 0.25], [-0.75, 1]];
    const args = {
      op: denseOp,
      a: tf.tensor2d([[1, -2, 0.5]]),
      r: tf.tensor2d([[1, 2]]),
      kernel: tf.tensor2d(w),
      bias: tf.tensor1d([0.3, -0.2]),
    };
    const [
      zp,
      ab,
    ] = tf.tidy(() => [
      linearRelevance('zplus', args, settings, null).dataSync(),
      linearRelevance('alpha1beta0', args, settings, null).dataSync(),
    ]);
    expectClose(zp, Array.from(ab));
  });

  it('the stabiliser treats z = 0 as positive: z + ε', () => {
    const out = tf.tidy(() => {
      const a = tf.tensor2d([[1, -1]]);
      const w = tf.tensor2d([[1], [1]]); // z = 0
      return linearRelevance(
        'epsilon',
        { op: denseOp, a, r: tf.tensor2d([[2]]), kernel: w, bias: null },
        { ...settings, epsilon: 0.5 },
        null,
      ).arraySync();
    });
    // R_j = a_j w_j / (0 + 0.5) * 2
    expect(out).toEqual([[4, -4]]);
  });
});
