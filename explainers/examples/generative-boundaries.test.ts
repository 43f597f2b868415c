import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../../datasets/task.js';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { explainContext } from '../../runner/explain-samples.js';
import { type Model, wrapModel } from '../../core/model.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { regionMembership } from '../../metrics/examples/region-membership.js';
import type { StructuredInput } from '../../metrics/types.js';
import { findBoundarySet } from './boundary-set.js';
import { epsilonBall } from './epsilon-ball.js';
import { generativeBoundaries } from './generative-boundaries.js';
import { preActivationModel } from './generator-layers.js';
import { examplesParams } from './params.js';
import type { GenerativeQuery } from './example-query.js';
import { examplesPictures } from './pictures.js';
import { inRegion } from './region.js';
import { exploreRegion } from './rrt.js';

// A 2-D latent and one ReLU layer of 4 units: h = W^T z + b. Unit 3's outgoing weights are all zero.
const W1 = [
  [1, 0, 1, 1],
  [0, 1, 1, -1],
];
const B1 = [0, -0.5, 0.2, 0.1];
const W2 = [
  [2, -1, 0.5, 1],
  [-1, 2, 1, 0.5],
  [1, 1, -2, 1],
  [0, 0, 0, 0],
];
const B2 = [0, 0, 0, 0];
const Z0 = [0.7, 0.9]; // h = (0.7, 0.4, 1.8, -0.1): units 0-2 on, unit 3 off.

const h = (z: ArrayLike<number>) => B1.map((b, i) => W1[0][i] * z[0] + W1[1][i] * z[1] + b);

async function tinyGenerator(): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 4, activation: 'relu', name: 'gen_1' }),
      tf.layers.dense({ units: 4, activation: 'sigmoid', name: 'output' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor2d(W1), tf.tensor1d(B1)]);
  net.layers[1].setWeights([tf.tensor2d(W2), tf.tensor1d(B2)]);
  return wrapModel(net, 'tiny-generator');
}

/** Encoder of 2x2 "images": mu = (x0, x1), log-variance 0. */
async function tinyEncoder(): Promise<Model> {
  const net = tf.sequential({ layers: [
    tf.layers.flatten({ inputShape: [2, 2, 1] }),
    tf.layers.dense({ units: 4, activation: 'linear', name: 'enc_out' }),
  ] });
  const k = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  net.layers[1].setWeights([tf.tensor2d(k, [4, 4]), tf.zeros([4])]);
  return wrapModel(net, 'tiny-encoder');
}

async function tinyClassifier(): Promise<Model> {
  const net = tf.sequential({ layers: [
    tf.layers.flatten({ inputShape: [2, 2, 1] }),
    tf.layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
  ] });
  net.layers[1].setWeights([tf.tensor2d([1, -1, -1, 1, 0.5, 0, 0, 0.5], [4, 2]), tf.zeros([2])]);
  return wrapModel(net, 'tiny-classifier');
}

let gen: Model;
let task: TaskView;
let classifier: Model;
const queries = makeBatch(Float32Array.from([...Z0, 0, 0, -0.4, 0.3, 0, 0]), [2, 2, 1]);
const fast = { ...defaults(examplesParams), steps: 120, samples: 12, step: 0.3 };

beforeAll(async () => {
  await useBackend('wasm');
  gen = await tinyGenerator();
  classifier = await tinyClassifier();
  task = {
    id: 'tiny-gen',
    kind: 'image',
    sampleShape: [2, 2, 1],
    classes: ['a', 'b'],
    featureNames: ['p0', 'p1', 'p2', 'p3'],
    baseline: new Float32Array(4),
    generator: { id: 'tiny', model: gen, latentSize: 2, encoder: await tinyEncoder() },
  };
});

const boundary = (lambda: number, seed = 1) =>
  findBoundarySet(
    gen,
    new Engine(gen),
    Float32Array.from(Z0),
    { layer: 1, lambda, temperature: 0.2, steps: 200, learningRate: 0.1, mcSamples: 4, initLogit: 2 },
    rngFor(seed, 'mask'),
  );

describe('generative boundaries on a hand-weighted generator', () => {
  it('the pre-activation network gives the layer-1 hyperplanes exactly', async () => {
    const pre = new Engine(await preActivationModel(gen, 1));
    const pts = [0.3, -1.2, 2, 0.5, -0.7, -0.1];
    const got = pre.outputs(makeBatch(Float32Array.from(pts), [2]), 'logit');
    for (let p = 0; p < 3; p++) h(pts.slice(2 * p, 2 * p + 2)).forEach((v, i) => expect(got[p * 4 + i]).toBeCloseTo(v, 6));
  });

  it('with lambda = 0 every unit that affects the output is kept', () => {
    const s = boundary(0);
    for (const u of [0, 1, 2]) expect(s.units).toContain(u);
    expect(s.reconstructionError).toBeLessThan(1e-10);
  });

  it.each([1e-4, 1e-2, 1])('units whose outgoing weights are all zero are dropped (lambda %s)', (lambda) => {
    expect(boundary(lambda).units).not.toContain(3);
  });

  it('a large lambda drops units and reports the hard mask\'s error', () => {
    const s = boundary(50);
    expect(s.units.length).toBeLessThan(3);
    expect(s.reconstructionError).toBeGreaterThan(0);
    expect(s.reconstructionErrorAllOff).toBeGreaterThanOrEqual(s.reconstructionError);
  });

  it('membership equals the analytic half-plane test on a grid', async () => {
    const pre = new Engine(await preActivationModel(gen, 1));
    const region = { units: [0, 1, 2], on: [1, 1, 1] as (0 | 1)[] };
    const pts: number[] = [];
    for (let a = -2; a <= 2; a += 0.25) for (let b = -2; b <= 2; b += 0.25) pts.push(a, b);
    const got = inRegion(pre, region, Float32Array.from(pts), 2);
    got.forEach((v, p) => expect(v).toBe(h(pts.slice(2 * p, 2 * p + 2)).slice(0, 3).every((x) => x >= 0)));
  });

  it('property: every accepted RRT node keeps the sign pattern (analytic check, many seeds)', async () => {
    const pre = new Engine(await preActivationModel(gen, 1));
    for (let seed = 0; seed < 8; seed++) {
      const units = seed % 2 === 0 ? [0, 1, 2] : [1, 3];
      const on = units.map((u) => (h(Z0)[u] >= 0 ? 1 : 0)) as (0 | 1)[];
      const t = exploreRegion(
        Float32Array.from(Z0),
        (z) => inRegion(pre, { units, on }, z, 2)[0],
        { samples: 25, step: 0.3 + 0.1 * seed, bisections: 10, sampler: 'prior', radius: 2, maxIterations: 1000 },
        rngFor(seed, 'rrt'),
      );
      expect(t.parents.length).toBe(25);
      for (let i = 0; i < 25; i++) {
        const hz = h(t.latents.subarray(2 * i, 2 * i + 2));
        units.forEach((u, j) => expect(hz[u] >= 0 ? 1 : 0).toBe(on[j]));
        expect(t.parents[i]).toBeLessThan(i);
      }
    }
  });
});

describe('the generative-boundaries explainer', () => {
  const run = async (seed: number, explainer: typeof generativeBoundaries | typeof epsilonBall = generativeBoundaries) => {
    const engine = new Engine(classifier);
    const ctx = explainContext(engine, task, seed, explainer.id);
    const res = await explainer.explain({
      ctx,
      batch: queries,
      targets: new Int32Array(2),
      sampleIds: ['q0', 'q1'],
      params: { ...fast, epsilon: 0 } as never,
      state: undefined,
    });
    return { res, engine };
  };

  it('returns samples inside the region, a tree, hyperplanes and bilingual text; region-membership is 1', async () => {
    const { res, engine } = await run(3);
    const p = res.explanations[0] as GenerativeQuery;
    expect(p.samples.length).toBe(12);
    expect(p.tree?.parents.length).toBe(12);
    expect(p.generation.query.latent[0]).toBeCloseTo(0.7, 6);
    // One payload shape for the family: samples are nested like the task's input, with the classifier's label.
    expect(p.samples.every((s) => s.role === 'generated' && Array.isArray(s.input) && (s.input as number[][][]).length === 2 && s.predicted !== undefined)).toBe(true);
    expect(p.latents.length).toBe(p.samples.length);
    expect(p.target).toBe(0);
    expect(p.boundaries.hyperplanes?.map((x) => x.b)).toEqual(p.boundaries.units.map((u) => B1[u]));
    for (const z of p.latents) p.boundaries.units.forEach((u, j) => expect(h(z)[u] >= 0 ? 1 : 0).toBe(p.boundaries.on[j]));
    expect(res.text[0].en).toMatch(/share the query's generation rules/);
    expect(res.text[0].ko.length).toBeGreaterThan(20);
    const input = {
      family: 'examples',
      batch: queries,
      targets: new Int32Array(2),
      sampleIds: ['q0', 'q1'],
      output: 'probability',
      explanations: res.explanations,
    } as StructuredInput;
    const ctx = { engine, task, rng: (id: string, purpose: string) => rngFor(1, id, purpose) };
    expect(await regionMembership.evaluate(ctx, input, {})).toEqual([1, 1]);
    const pics = examplesPictures(p, task.sampleShape);
    expect(pics.map((x) => x.data.subarray(1, 4).toString())).toEqual(['PNG', 'PNG']);
  });

  it('is deterministic under a seed and differs across seeds', async () => {
    const a = (await run(5)).res.explanations;
    const b = (await run(5)).res.explanations;
    const c = (await run(6)).res.explanations;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('leaves no tensors behind', async () => {
    await run(7); // builds and caches the pre-activation network
    const before = tf.memory().numTensors;
    await run(8);
    await run(9, epsilonBall);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('counts every pass on the engine', async () => {
    const { res, engine } = await run(4);
    const ps = res.explanations as GenerativeQuery[];
    const checks = ps.reduce((a, p) => a + (p.tree?.checks ?? 0), 0);
    const samples = ps.reduce((a, p) => a + p.samples.length, 0);
    // encoder 2 + per query (mask: steps * mc + 3, region 1, decode and label samples + 1 each) + RRT checks
    const perQuery = fast.steps * fast.mcSamples + 3 + 1;
    expect(engine.passes()).toEqual({
      forwardPasses: 2 + 2 * perQuery + checks + 2 * (samples + 2),
      gradientPasses: 2 * fast.steps * fast.mcSamples,
    });
  });

  it('epsilon-ball matches the mean distance of its RRT run and checks membership', async () => {
    const eps = (await run(2, epsilonBall)).res.explanations as GenerativeQuery[];
    eps.forEach((p) => {
      expect(p.generation.meanLatentDistance).toBeCloseTo(p.generation.matchedDistance!, 2);
      expect(p.generation.matchedDistance).toBeGreaterThan(0);
      expect(p.tree).toBeUndefined();
      expect(p.samples.filter((s) => s.inside).length).toBe(p.generation.acceptance.accepted);
      expect(p.generation.acceptance.accepted).toBe(p.latents.filter((z) => p.boundaries.units.every((
        u,
        j,
      ) => (h(z)[u] >= 0 ? 1 : 0) === p.boundaries.on[j])).length);
    });
  });
});
