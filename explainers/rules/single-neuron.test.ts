// A rule extractor's check on one neuron: one unit sigma(-10x + 2.25) on x = 0.00, 0.01, ..., 1.00.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../../datasets/task.js';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { type Model, wrapModel } from '../../core/model.js';
import { rngFor } from '../../core/rng.js';
import type { FitContext } from '../types.js';
import { cartPedagogicalExplainer } from './cart-pedagogical.js';
import { c45PedagogicalExplainer } from './c45-pedagogical.js';
import { deepredExplainer } from './deepred.js';
import { predictRows } from './rule-set.js';
import type { RulesState } from './rules-explanation.js';
import { trepanLiteExplainer } from './trepan-lite.js';

let model: Model;
const grid = Float32Array.from({ length: 101 }, (_, i) => i / 100);
const task: TaskView = {
  id: 'neuron',
  kind: 'tabular',
  sampleShape: [1],
  classes: ['0', '1'],
  featureNames: ['x'],
  baseline: new Float32Array(1),
};

beforeAll(async () => {
  await useBackend('wasm');
  const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, activation: 'sigmoid', name: 'out' })] });
  net.layers[0].setWeights([tf.tensor2d([[-10]]), tf.tensor1d([2.25])]);
  model = await wrapModel(net, 'sigmoid-neuron');
});

function context(): FitContext {
  const x = makeBatch(grid, [1]);
  const y = Int32Array.from(grid, (v) => (v <= 0.22 ? 1 : 0));
  return { engine: new Engine(model), task, rng: (p) => rngFor(0, 'neuron', p), data: { train: { x, y }, test: { x, y } } };
}

function fidelity(state: RulesState, engine: Engine): number {
  const p = engine.outputs(makeBatch(grid, [1]), 'probability');
  const preds = predictRows(state.ruleSet, grid, grid.length, 1);
  return preds.filter((r, i) => r.cls === (p[2 * i + 1] > p[2 * i] ? 1 : 0)).length / grid.length;
}

describe('single sigmoid neuron sigma(-10x + 2.25)', () => {
  it.each([
    ['c45-pedagogical', c45PedagogicalExplainer],
    ['deepred', deepredExplainer],
    ['trepan-lite (no queries)', trepanLiteExplainer],
  ] as const)('%s gives exactly "IF x <= 0.22 THEN 1 ELSE 0" with fidelity 1', async (_name, explainer) => {
    const tensors = tf.memory().numTensors;
    const ctx = context();
    const defaults = Object.fromEntries(Object.entries(explainer.params).map(([k, s]) => [k, s.default]));
    const state = (await explainer.fit!(ctx, { ...defaults, queries: 0 } as never)) as RulesState;
    expect(state.global.text.en).toBe('IF x <= 0.22 THEN 1 ELSE 0');
    expect(state.global.text.ko).toBe('x <= 0.22 이면 1, 아니면 0');
    expect(state.global.rules).toEqual([{
      conditions: [{ feature: 'x', op: '<=', value: 0.22 }],
      class: '1',
      support: 23,
      confidence: 24 / 25,
    }]);
    expect(state.global.defaultClass).toBe('0');
    expect(fidelity(state, ctx.engine)).toBe(1);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('CART puts the threshold at the midpoint 0.225', async () => {
    const ctx = context();
    const state = await cartPedagogicalExplainer.fit!(ctx, { maxDepth: 6, minLeaf: 1, rows: 0, seconds: 10 });
    expect(state.global.text.en).toBe('IF x <= 0.225 THEN 1 ELSE 0');
    expect(fidelity(state, ctx.engine)).toBe(1);
  });

  it('explains each input with the rule that fired, or the default', async () => {
    const ctx = context();
    const state = await c45PedagogicalExplainer.fit!(ctx, { minCases: 2, cf: 0.25, rows: 0, seconds: 10 });
    const r = await c45PedagogicalExplainer.explain({
      ctx: { engine: ctx.engine, task, rng: () => rngFor(0) },
      batch: makeBatch(Float32Array.of(0.1, 0.5), [1]),
      targets: Int32Array.of(1, 0),
      sampleIds: ['a', 'b'],
      params: { minCases: 2, cf: 0.25, rows: 0, seconds: 10 },
      state,
    });
    expect(r.explanations).toEqual([
      { rule: 0, class: '1', classIndex: 1, conditions: [{ feature: 'x', op: '<=', value: 0.22 }] },
      { rule: null, class: '0', classIndex: 0, conditions: [] },
    ]);
    expect(r.text[0].en).toBe('The rules predict 1 because x <= 0.22 (rule 1 of 1, confidence 0.96).');
    expect(r.text[1].en).toBe('No rule fires, so the rules predict the default class 0.');
  });
});
