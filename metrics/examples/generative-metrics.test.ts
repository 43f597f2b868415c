import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../../datasets/task.js';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { wrapModel } from '../../core/model.js';
import { rngFor } from '../../core/rng.js';
import type { MetricContext, StructuredInput } from '../types.js';
import { acceptanceEfficiency } from './acceptance-efficiency.js';
import { diversity, meanLatentDistance, meanPairwiseL2 } from './diversity.js';
import { homogeneity } from './homogeneity.js';

let ctx: MetricContext;
const task: TaskView = { id: 't', kind: 'image', sampleShape: [1, 2, 1], classes: ['left', 'right'], featureNames: ['a', 'b'], baseline: new Float32Array(2) };

beforeAll(async () => {
  await useBackend('wasm');
  // Class 1 iff the second pixel is brighter than the first.
  const net = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [1, 2, 1] }), tf.layers.dense({ units: 2, activation: 'softmax' })] });
  net.layers[1].setWeights([tf.tensor2d([1, -1, -1, 1], [2, 2]), tf.zeros([2])]);
  ctx = { engine: new Engine(await wrapModel(net)), task, rng: (a, b) => rngFor(0, a, b) };
});

/** A generated-examples query in the family's one shape; images are [1, 2, 1] like the task's samples. */
const payload = (samples: number[][], latents: number[][], acceptance = { accepted: 3, checked: 4 }) => ({
  input: [[[0], [0]]],
  space: 'latent',
  samples: samples.map((im) => ({ role: 'generated', input: [im.map((v) => [v])] })),
  latents,
  boundaries: { layer: 'gen_1', layerIndex: 1, layerUnits: 2, units: [0], on: [1], keepProbability: [1, 0], reconstructionError: 0, reconstructionErrorAllOff: 1 },
  generation: { sampler: 'rrt', query: { latent: [0, 0], image: [[[1], [0]]], label: 0 }, acceptance, meanLatentDistance: 0 },
});

const inputOf = (explanations: unknown[]): StructuredInput => ({
  family: 'examples',
  batch: makeBatch(new Float32Array(2 * explanations.length), [1, 2, 1]),
  targets: new Int32Array(explanations.length),
  sampleIds: explanations.map((_, i) => `s${i}`),
  output: 'probability',
  explanations,
});

describe('examples metrics on generated samples', () => {
  it('homogeneity is the share labelled like the query; foreign payloads get null', async () => {
    const p = payload([[1, 0], [0, 1], [0.9, 0.2], [0.2, 0.3]], [[1, 0], [0, 1], [3, 4], [0, 0]]);
    const v = await homogeneity.evaluate(ctx, inputOf([p, { input: [[[0], [0]]], samples: [{ role: 'neighbour', input: [[[0], [0]]] }] }]), {});
    expect((v as unknown[])[0]).toBe(0.5);
    expect((v as unknown[])[1]).toHaveProperty('null');
  });

  it('diversity, mean latent distance and acceptance efficiency have known values', async () => {
    expect(meanPairwiseL2([[0, 0], [3, 4], [0, 4]])).toBeCloseTo((5 + 4 + 3) / 3, 10);
    const p = payload([[0, 0], [3, 4]], [[3, 4], [0, 1]]);
    expect(await diversity.evaluate(ctx, inputOf([p]), {})).toEqual([5]);
    expect(await meanLatentDistance.evaluate(ctx, inputOf([p]), {})).toEqual([3]);
    expect(await acceptanceEfficiency.evaluate(ctx, inputOf([p]), {})).toEqual([0.75]);
  });
});
