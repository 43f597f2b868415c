// Rules metrics on a hand-built rule set over a known model: fidelity, accuracy, coverage, complexity, stability.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../../datasets/task.js';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { type Model, wrapModel } from '../../core/model.js';
import { rngFor } from '../../core/rng.js';
import { c45PedagogicalExplainer } from '../../explainers/rules/c45-pedagogical.js';
import type { RulesState } from '../../explainers/rules/rules-explanation.js';
import { rulesGlobal } from '../../explainers/rules/rules-explanation.js';
import { distinctTerms } from './distinct-terms.js';
import { extractionSeconds } from './extraction-seconds.js';
import { ruleAccuracy } from './rule-accuracy.js';
import { ruleCount } from './rule-count.js';
import { ruleCoverage } from './rule-coverage.js';
import { ruleFidelity } from './rule-fidelity.js';
import { ruleLength } from './rule-length.js';
import { jaccard, ruleStability } from './rule-stability.js';
import type { MetricContext, MetricEvaluation, StructuredInput } from '../types.js';

let model: Model;
const task: TaskView = { id: 't', kind: 'tabular', sampleShape: [1], classes: ['0', '1'], featureNames: ['x'], baseline: new Float32Array(1) };
// The model says 1 for x <= 0.22 (sigma(-10x + 2.25)); true labels say 1 for x <= 0.5.
const grid = Float32Array.from({ length: 101 }, (_, i) => i / 100);
const labelled = () => ({ x: makeBatch(grid, [1]), y: Int32Array.from(grid, (v) => (v <= 0.5 ? 1 : 0)) });
const data = { train: labelled(), test: labelled() };

beforeAll(async () => {
  await useBackend('wasm');
  const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, activation: 'sigmoid' })] });
  net.layers[0].setWeights([tf.tensor2d([[-10]]), tf.tensor1d([2.25])]);
  model = await wrapModel(net, 'neuron');
});

/** A hand-written rule set: IF x <= 0.1 THEN 1 (x <= 0.22 would be exact), ELSE 0. */
function handState(): RulesState {
  const ruleSet = { rules: [{ terms: [{ feature: 0, op: '<=' as const, value: Math.fround(0.1) }], cls: 1, support: 11, confidence: 12 / 13 }], defaultClass: 0, numClasses: 2 };
  return { ruleSet, global: rulesGlobal('c45-pedagogical', { minCases: 2, cf: 0.25, rows: 0, seconds: 10 }, task, ruleSet, { seconds: 0.5, forwardPasses: 101 }, []) };
}

const ctx = (): MetricContext => ({ engine: new Engine(model), task, rng: (s, p) => rngFor(0, s, p), data });
const input = (state: RulesState): StructuredInput => ({
  family: 'rules', batch: makeBatch(Float32Array.of(0.05, 0.5), [1]), targets: Int32Array.of(1, 0), sampleIds: ['a', 'b'], output: 'probability', explanations: [{}, {}], global: state.global, state,
});
const values = (r: unknown) => (r as MetricEvaluation).values;

describe('rules metrics', () => {
  it('fidelity counts agreement with the model over the test split, for every sample alike', async () => {
    // Disagreement on x in (0.1, 0.22]: 12 of 101 inputs.
    expect(values(await ruleFidelity.evaluate(ctx(), input(handState()), {}))).toEqual([89 / 101, 89 / 101]);
  });
  it('accuracy against the true labels, with the model accuracy in the details', async () => {
    const r = (await ruleAccuracy.evaluate(ctx(), input(handState()), {})) as MetricEvaluation;
    expect(r.values[0]).toBeCloseTo(61 / 101, 12); // wrong on (0.1, 0.5]: 40 inputs
    expect(r.details?.modelAccuracy).toBeCloseTo(73 / 101, 12); // the model is wrong on (0.22, 0.5]: 28
  });
  it('coverage is the share where a rule fires; the default share and its fidelity are reported', async () => {
    const r = (await ruleCoverage.evaluate(ctx(), input(handState()), {})) as MetricEvaluation;
    expect(r.values[0]).toBeCloseTo(11 / 101, 12);
    expect(r.details?.defaultShare).toBeCloseTo(90 / 101, 12);
    expect(r.details?.defaultFidelity).toBeCloseTo(78 / 90, 12);
  });
  it('complexity: count, length, distinct terms and the features used', async () => {
    const s = handState();
    expect(values(await ruleCount.evaluate(ctx(), input(s), {}))).toEqual([1, 1]);
    expect(values(await ruleLength.evaluate(ctx(), input(s), { stat: 'max' }))).toEqual([1, 1]);
    const d = (await distinctTerms.evaluate(ctx(), input(s), {})) as MetricEvaluation;
    expect(d.values).toEqual([1, 1]);
    expect(d.details?.features).toEqual(['x']);
    expect(values(await extractionSeconds.evaluate(ctx(), input(s), {}))).toEqual([0.5, 0.5]);
  });
  it('stability: a deterministic extractor on a grid it can always split the same way is stable at feature level', async () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 12);
    expect(jaccard(new Set(), new Set())).toBe(1);
    const c = ctx();
    const fitContext = { engine: c.engine, task, rng: (p: string) => rngFor(0, p), data };
    const state = (await c45PedagogicalExplainer.fit!(fitContext, { minCases: 2, cf: 0.25, rows: 0, seconds: 10 })) as RulesState;
    const r = (await ruleStability.evaluate(c, input(state), { resamples: 3, level: 'feature' })) as MetricEvaluation;
    expect(r.values).toEqual([1, 1]);
    const t = (await ruleStability.evaluate(c, input(state), { resamples: 3, level: 'term' })) as MetricEvaluation;
    expect(t.values[0]).toBeGreaterThan(0);
    expect(t.values[0]).toBeLessThanOrEqual(1);
  });
});
