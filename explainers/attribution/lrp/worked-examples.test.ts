/** Worked LRP examples on a two-layer ReLU net (numbers computed independently of this code), through the explainer. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { makeBatch } from '../../../core/batch.js';
import type { Model } from '../../../core/model.js';
import { contextFor, runExplainer, tabularTask } from '../../../test/helpers/explainer-fixtures.js';
import { reluMlp } from '../../../test/helpers/tiny-models.js';
import { lrpExplainer } from './lrp.js';

const W1 = [[1, -1, -1], [0.5, 1, -0.5]];
const W2 = [[1, -1], [2, 1], [1, 1]];

interface Row {
  what: string;
  set: Record<string, string | number | boolean>;
  hidden: number[];
  input: number[];
}

const common = { low: '-1', high: '2', layer: 'hidden' };
const tableA: Row[] = [
  { what: 'LRP-0', set: { rule: 'zero' }, hidden: [2, 2, 0], input: [-1, 5] },
  { what: 'LRP-ε, ε=0.1', set: { rule: 'epsilon', epsilon: 0.1 }, hidden: [1.95122, 1.95122, 0], input: [-0.844684, 4.476824] },
  { what: 'LRP-ε, ε=1', set: { rule: 'epsilon', epsilon: 1 }, hidden: [1.6, 1.6, 0], input: [-0.266667, 2.133333] },
  { what: 'LRP-γ, γ=0.25', set: { rule: 'gamma', gamma: 0.25 }, hidden: [2, 2, 0], input: [-0.333333, 4.333333] },
  { what: 'α1β0', set: { rule: 'alpha1beta0' }, hidden: [2, 2, 0], input: [1, 3] },
  { what: 'α2β1', set: { rule: 'alpha2beta1' }, hidden: [4, 4, 0], input: [0, 12] },
  { what: 'general αβ with α=2, β=1', set: { rule: 'alphabeta', alpha: 2, beta: 1 }, hidden: [4, 4, 0], input: [0, 12] },
  { what: 'z⁺ (no biases: equals α1β0)', set: { rule: 'zplus' }, hidden: [2, 2, 0], input: [1, 3] },
  { what: 'top LRP-0 + input w²', set: { rules: 'hidden:wsquare,out:zero' }, hidden: [2, 2, 0], input: [2.6, 1.4] },
  { what: 'top LRP-0 + input flat', set: { rules: 'hidden:flat,out:zero' }, hidden: [2, 2, 0], input: [2, 2] },
  { what: 'top LRP-0 + input z^B (l=−1, h=2)', set: { rules: 'hidden:zbox,out:zero' }, hidden: [2, 2, 0], input: [1.642857, 2.357143] },
];
const tableB: Row[] = [
  { what: 'LRP-0', set: { rule: 'zero' }, hidden: [2.5, 1, 0], input: [-1, 5] },
  { what: 'LRP-ε, ε=0.1', set: { rule: 'epsilon', epsilon: 0.1 }, hidden: [2.403846, 0.961538, 0], input: [-0.678008, 4.129684] },
  { what: 'LRP-ε, ε=1', set: { rule: 'epsilon', epsilon: 1 }, hidden: [1.785714, 0.714286, 0], input: [0.034014, 1.462585] },
  { what: 'LRP-γ, γ=0.25', set: { rule: 'gamma', gamma: 0.25 }, hidden: [2.314815, 0.925926, 0], input: [0, 3.240741] },
  { what: 'α1β0', set: { rule: 'alpha1beta0' }, hidden: [1.785714, 0.714286, 0], input: [0.714286, 1.428571] },
  { what: 'α2β1', set: { rule: 'alpha2beta1' }, hidden: [3.571429, 1.428571, 0], input: [1.904762, 5.714286] },
  {
    what: 'top LRP-0 + w² (bias-free DTD form)',
    set: { rules: 'hidden:wsquare,out:zero', plusBias: false },
    hidden: [2.5, 1, 0],
    input: [2.5, 1],
  },
  // zennit's WSquare: b² joins the denominator. Unit 1: w² = (1, 0.25), b² = 0.25, R = 2.5 -> (5/3, 5/12);
  // unit 2: w² = (1, 1), b² = 0.25, R = 1 -> (4/9, 4/9); the rest (0.25/1.5·2.5 + 0.25/2.25) is absorbed.
  { what: 'top LRP-0 + w² (zennit: with b²)', set: { rules: 'hidden:wsquare,out:zero' }, hidden: [2.5, 1, 0], input: [2.111111, 0.861111] },
  { what: 'z⁺ (zennit: with b⁺, equals α1β0)', set: { rule: 'zplus' }, hidden: [1.785714, 0.714286, 0], input: [0.714286, 1.428571] },
  {
    what: 'z⁺ (bias-free DTD form)',
    set: { rule: 'zplus', plusBias: false },
    hidden: [1.785714, 0.714286, 0],
    input: [0.892857, 1.607143],
  },
  { what: 'top LRP-0 + flat', set: { rules: 'hidden:flat,out:zero' }, hidden: [2.5, 1, 0], input: [1.75, 1.75] },
  { what: 'top LRP-0 + z^B (l=−1, h=2)', set: { rules: 'hidden:zbox,out:zero' }, hidden: [2.5, 1, 0], input: [1.678571, 1.821429] },
];

let modelA: Model;
let modelB: Model;
beforeAll(async () => {
  await useBackend('wasm');
  modelA = await reluMlp(W1, [0, 0, 0], W2, [0, 0]);
  modelB = await reluMlp(W1, [0.5, -0.5, 0], W2, [-1, 0]);
});
afterAll(() => {
  modelA.dispose();
  modelB.dispose();
});

async function check(model: () => Model, row: Row, logit: number) {
  const ctx = contextFor(model(), tabularTask({ features: 2 }));
  const res = await runExplainer(
    lrpExplainer,
    ctx,
    makeBatch(Float32Array.from([1, 2]), [2]),
    Int32Array.from([0]),
    { ...common, ...row.set },
  );
  Array.from(res.attributions).forEach((v, i) => expect(v).toBeCloseTo(row.input[i], 5));
  expect(res.layer?.name).toBe('hidden');
  expect(res.layer?.shape).toEqual([3]);
  Array.from(res.layer!.relevance).forEach((v, i) => expect(v).toBeCloseTo(row.hidden[i], 5));
  const c = (res.extras![0] as { conservation: { inputRelevanceSum: number; logit: number; gap: number } }).conservation;
  expect(c.logit).toBeCloseTo(logit, 6);
  expect(c.inputRelevanceSum).toBeCloseTo(row.input[0] + row.input[1], 5);
  expect(c.gap).toBeCloseTo(row.input[0] + row.input[1] - logit, 5);
}

describe('LRP worked example A (no biases; logit 4)', () => {
  for (const row of tableA) it(row.what, () => check(() => modelA, row, 4));
});

describe('LRP worked example B (with biases; logit 2.5)', () => {
  for (const row of tableB) it(row.what, () => check(() => modelB, row, 2.5));
  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await check(() => modelB, tableB[3], 2.5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
