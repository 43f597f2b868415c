/**
 * One-output score models (core/model.ts, OutputMode 'score'): every registered explainer either explains
 * a hand-weighted linear score or refuses with the reason it declares (`needsClasses`), and every
 * registered metric either scores it or gives nulls with its declared reason, never a crash. Known
 * answers on f(x) = w.x + b: gradients are w, gradient x input and occlusion (zero baseline) are w x,
 * KernelSHAP with every coalition is w (x - mean(background)), LRP-epsilon is w x.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { type Batch, makeBatch } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { isUserError, UserError } from '../core/errors.js';
import { type Model, wrapModel } from '../core/model.js';
import { type AnyParamValues, resolveParams } from '../core/params.js';
import { explainers } from '../explainers/index.js';
import { type Explainer, isAttributionExplainer } from '../explainers/types.js';
import { metrics } from '../metrics/index.js';
import { metricScores, type Metric } from '../metrics/types.js';
import { explainSamples, fitExplainer } from './explain-samples.js';
import type { AnySample, ExplainedSample } from './explanation-record.js';
import { reExplainer } from './re-explainer.js';
import { renderText } from './renderers/index.js';
import { scoreSamples } from './score-samples.js';
import { userTaskView } from './user-task.js';

const W = [2, -1, 0.5];
const B = 0.25;
const X = [
  [1, 0.5, -0.2],
  [0.3, 1.0, 0.7],
  [-0.5, 0.2, 1.0],
  [0.9, -0.3, 0.4],
];

/** Small budgets, as explainers/explainers.test.ts; KernelSHAP keeps 'auto' (every coalition of 3 players) over all 24 background rows. */
const SMALL: Record<string, Record<string, number | string>> = {
  'integrated-gradients': { steps: 8 },
  smoothgrad: { samples: 6 },
  lime: { samples: 60 },
  'kernel-shap': { backgroundRows: 24 },
  lrp: { rule: 'epsilon' },
};

/** Rank metrics compare the top ceil(d/4) features by default, a single one of 3 (null by definition): all of them here. */
const METRIC_SETS: Record<string, Record<string, number>> = { 'rank-correlation': { k: 1 }, 'pairwise-rank-agreement': { k: 1 } };

let model: Model;
let engine: Engine;
let batch: Batch;
let background: Batch;

/** f(x) = w.x + b as a one-unit linear Dense layer. */
async function linearScore(): Promise<Model> {
  const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, activation: 'linear', name: 'out' })] });
  net.layers[0].setWeights([tf.tensor2d(W.map((w) => [w])), tf.tensor1d([B])]);
  return wrapModel(net, 'linear-score');
}

beforeAll(async () => {
  await useBackend('wasm');
  model = await linearScore();
  engine = new Engine(model);
  batch = makeBatch(Float32Array.from(X.flat()), [3]);
  const rows = Array.from({ length: 24 }, (_, i) => [Math.sin(i), Math.cos(1.7 * i), ((i % 5) - 2) / 2]);
  background = makeBatch(Float32Array.from(rows.flat()), [3]);
});

const task = () => userTaskView(model, batch, background);
const targets = () => new Int32Array(X.length);
const sampleIds = X.map((_, i) => `s${i}`);

function paramsOf(e: Explainer): AnyParamValues {
  return resolveParams(e.params, SMALL[e.id] ?? {}, e.id);
}

async function explain(e: Explainer): Promise<AnySample[]> {
  const params = paramsOf(e);
  const state = await fitExplainer(e, engine, task(), 0, params);
  return explainSamples({ explainer: e, params, state, engine, task: task(), seed: 0, batch, targets: targets(), sampleIds, chunk: 16 });
}

function attributionsOf(samples: readonly AnySample[]): number[][] {
  return samples.map((s) => Array.from((s as ExplainedSample).attribution));
}

function expectClose(actual: number[][], expected: number[][], digits = 5): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], digits)));
}

describe('a one-output linear model is a score', () => {
  it('has one output, read as is by both output kinds (no softmax over one value)', () => {
    expect(model.score).toBe(true);
    expect(model.numClasses).toBe(1);
    const score = X.map((x) => x.reduce((a, v, j) => a + v * W[j], B));
    for (const kind of ['logit', 'probability'] as const) {
      expectClose([Array.from(engine.outputs(batch, kind))], [score]);
    }
    expect(task().classes).toEqual(['score']);
  });

  it('the engine\'s gradient of target 0 is the weight vector (known answer)', () => {
    const before = tf.memory().numTensors;
    const g = engine.gradients(batch, 0, 'logit');
    expect(tf.memory().numTensors).toBe(before);
    expectClose(X.map((_, i) => Array.from(g.subarray(i * 3, i * 3 + 3))), X.map(() => W));
  });
});

describe('every explainer on a score: values or its declared refusal', () => {
  it('each explainer explains the score or refuses with the reason it declares', async () => {
    // Grad-CAM's need 'conv-layers' is one this dense model does not offer: a run plans it out, as on any MLP.
    for (const e of explainers.filter((x) => !x.needs.includes('conv-layers'))) {
      let samples: AnySample[] | undefined;
      let refusal: unknown;
      try {
        samples = await explain(e);
      } catch (err) {
        refusal = err;
      }
      if (e.needsClasses !== undefined) {
        expect(isUserError(refusal), `${e.id} should refuse: ${String(refusal)}`).toBe(true);
        expect((refusal as UserError).message).toContain(e.needsClasses);
        continue;
      }
      expect(refusal, `${e.id} threw ${String(refusal)}`).toBeUndefined();
      expect(samples).toHaveLength(X.length);
      for (const s of attributionsOf(samples!)) for (const v of s) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('attributions of the linear score match their known answers', async () => {
    const byId = (id: string) => explainers.find((e) => e.id === id)!;
    const wx = X.map((x) => x.map((v, j) => v * W[j]));
    expectClose(attributionsOf(await explain(byId('gradient'))), X.map(() => W));
    expectClose(attributionsOf(await explain(byId('gradient-x-input'))), wx);
    // The user task's baseline is zero: IG on a linear function is exactly w (x - 0); occlusion drops w_j x_j.
    expectClose(attributionsOf(await explain(byId('integrated-gradients'))), wx);
    expectClose(attributionsOf(await explain(byId('occlusion'))), wx);
    expectClose(attributionsOf(await explain(byId('lrp'))), wx, 4);
    // KernelSHAP of the score (its 'probability' output reads the score as is), every coalition enumerated.
    const mean = [0, 1, 2].map((j) => background.data.filter((_, k) => k % 3 === j).reduce((a, b) => a + b, 0) / background.n);
    const shap = attributionsOf(await explain(byId('kernel-shap')));
    expectClose(shap, X.map((x) => x.map((v, j) => W[j] * (v - mean[j]))), 4);
  });

  it('the text names the score, not a class probability', async () => {
    const e = explainers.find((x) => x.id === 'kernel-shap')!;
    const [s] = await explainSamples({
      explainer: e,
      params: paramsOf(e),
      state: await fitExplainer(e, engine, task(), 0, paramsOf(e)),
      engine,
      task: task(),
      seed: 0,
      batch,
      targets: targets(),
      sampleIds,
      chunk: 16,
      text: (x, input) => renderText(x, input, { task: task(), output: e.output }),
    });
    expect(s.text?.en).toMatch(/^What moved the model's output for 'score' most/);
    expect(s.text?.en).not.toMatch(/probability/);
    expect(s.text?.ko).toMatch(/'score' 출력에/);
  });
});

/** Explanations of a metric's family on the score model, or undefined where every built-in explainer of it refuses. */
async function explanationsFor(m: Metric): Promise<{ samples: AnySample[]; explainer: Explainer } | undefined> {
  const usable = explainers.filter((e) => metricScores(m, e) && e.needsClasses === undefined);
  if (usable.length === 0) return undefined;
  const e = usable.find((x) => x.id === 'gradient') ?? usable[0];
  return { samples: await explain(e), explainer: e };
}

describe('every metric on a score: values or nulls with their declared reason', () => {
  it('scores each metric, or gives its declared reason, never a crash', async () => {
    const groundTruth = new Uint8Array(X.length * 3);
    for (let i = 0; i < X.length; i++) groundTruth.set([1, 1, 0], i * 3);
    // The linear score's own weights are its signed ground truth (what the agreement metrics read).
    const groundTruthWeights = Float32Array.from(X.flatMap(() => W));
    // A run plans the protected-attribute metrics only on tasks with one; this score task has none.
    for (const m of metrics.filter((x) => !x.requires.includes('protected-attribute'))) {
      const made = await explanationsFor(m);
      if (made === undefined) {
        // No built-in explainer of what it scores runs on a score model (each declares why), so the
        // metric never sees a score model's explanations; those that read classes also declare it.
        const scored = explainers.filter((e) => metricScores(m, e));
        expect(scored.length, m.id).toBeGreaterThan(0);
        for (const e of scored) expect(e.needsClasses, `${m.id} scores ${e.id}`).toBeDefined();
        if (m.needsClasses === undefined) continue;
        const dummy = sampleIds.map((id) => ({ family: m.family as 'rules', sampleId: id, target: 0, explanation: {}, text: { en: '', ko: '' } }));
        const r = await scoreSamples({ metric: m, params: resolveParams(m.params, {}, m.id), engine, task: task(), seed: 0,
          explainerId: scored[0].id, output: 'probability', batch, samples: dummy });
        expect(r.values.every((v) => v === null), m.id).toBe(true);
        expect(Object.keys(r.nulls)[0], m.id).toContain(m.needsClasses);
        continue;
      }
      const { samples, explainer } = made;
      const params = paramsOf(explainer);
      const state = await fitExplainer(explainer, engine, task(), 0, params);
      const fitted = () => Promise.resolve(state);
      const again = isAttributionExplainer(explainer) ? reExplainer(explainer, params, fitted, engine, task(), 0) : undefined;
      const r = await scoreSamples({
        metric: m,
        params: resolveParams(m.params, METRIC_SETS[m.id] ?? {}, m.id),
        engine,
        task: task(),
        seed: 0,
        explainerId: explainer.id,
        output: explainer.output,
        batch,
        samples,
        groundTruth,
        groundTruthWeights,
        ...(again ? { explainer: again } : {}),
        state,
      });
      expect(r.values, m.id).toHaveLength(X.length);
      const reasons = Object.keys(r.nulls);
      if (m.needsClasses !== undefined) {
        expect(r.n, m.id).toBe(0);
        expect(reasons, m.id).toEqual([`the model gives a score, not classes: ${m.needsClasses}`]);
      } else {
        // Every value computed: the explanations (gradients of a linear score) are well defined.
        expect(r.n, `${m.id}: ${reasons.join('; ')}`).toBe(X.length);
      }
    }
  });

  it('ROAD\'s accuracy setting needs classes: nulls with that reason, while its probability setting reads the score', async () => {
    const e = explainers.find((x) => x.id === 'gradient')!;
    const m = metrics.find((x) => x.id === 'road')!;
    const samples = await explain(e);
    const run = (output: string) =>
      scoreSamples({ metric: m, params: resolveParams(m.params, { output }, m.id), engine, task: task(), seed: 0,
        explainerId: e.id, output: e.output, batch, samples });
    const accuracy = await run('accuracy');
    expect(accuracy.n).toBe(0);
    expect(Object.keys(accuracy.nulls)[0]).toMatch(/accuracy needs classes/);
    expect((await run('probability')).n).toBe(X.length);
  });

  it('completeness of gradient x input on the linear score with a zero baseline is exact (known answer)', async () => {
    const e = explainers.find((x) => x.id === 'gradient-x-input')!;
    const m = metrics.find((x) => x.id === 'completeness-gap')!;
    const r = await scoreSamples({ metric: m, params: resolveParams(m.params, {}, m.id), engine, task: task(), seed: 0,
      explainerId: e.id, output: e.output, batch, samples: await explain(e) });
    expect(r.n).toBe(X.length);
    for (const v of r.values) expect(v!).toBeLessThan(1e-5);
  });
});

describe('last layers other than softmax, sigmoid or linear', () => {
  async function reluHead(mode?: 'score'): Promise<Model> {
    const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, activation: 'relu', name: 'out' })] });
    net.layers[0].setWeights([tf.tensor2d(W.map((w) => [w])), tf.tensor1d([B])]);
    return wrapModel(net, 'relu-head', mode ? { output: mode } : {});
  }

  it('are refused with a message that names --output score', async () => {
    await expect(reluHead()).rejects.toThrow(/--output score/);
  });

  it('are explained as is under --output score: the ReLU output and its gradient', async () => {
    const m = await reluHead('score');
    const eng = new Engine(m);
    const out = Array.from(eng.outputs(batch, 'probability'));
    const score = X.map((x) => Math.max(0, x.reduce((a, v, j) => a + v * W[j], B)));
    expectClose([out], [score]);
    const g = eng.gradients(batch, 0, 'logit');
    X.forEach((_, i) => {
      const want = score[i] > 0 ? W : [0, 0, 0];
      expectClose([Array.from(g.subarray(i * 3, i * 3 + 3))], [want]);
    });
    m.dispose();
  });

  it('LRP refuses a score taken after a non-linear output activation, in one line', async () => {
    const m = await reluHead('score');
    const eng = new Engine(m);
    const lrp = explainers.find((e) => e.id === 'lrp')!;
    const params = resolveParams(lrp.params, {}, 'lrp');
    const t = userTaskView(m, batch, background);
    const o = { explainer: lrp, params, state: undefined, engine: eng, task: t, seed: 0, batch, targets: targets(), sampleIds, chunk: 16 };
    await expect(explainSamples(o)).rejects.toThrow(/lrp: layer .*relu.*score/);
    m.dispose();
  });

  it('a one-unit sigmoid stays a two-class model with logits [-z/2, z/2]', async () => {
    const net = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, activation: 'sigmoid', name: 'out' })] });
    net.layers[0].setWeights([tf.tensor2d(W.map((w) => [w])), tf.tensor1d([B])]);
    const m = await wrapModel(net, 'sigmoid');
    expect(m.score).toBe(false);
    expect(m.numClasses).toBe(2);
    const logits = new Engine(m).outputs(batch, 'logit');
    const z = X[0].reduce((a, v, j) => a + v * W[j], B);
    expect(logits[0]).toBeCloseTo(-z / 2, 5);
    expect(logits[1]).toBeCloseTo(z / 2, 5);
    m.dispose();
  });
});
