import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { Engine } from '../core/engine.js';
import { linearSoftmax } from '../test/helpers/tiny-models.js';
import { checkGroundTruth } from './ground-truth-check.js';
import { generateSynthLinear, SYNTH_LINEAR } from './synthetic/synth-linear.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('checkGroundTruth', () => {
  const data = generateSynthLinear();
  const { mean, std } = data.scale!;

  /** A linear model whose 'positive' logit is sum_j w_j * raw_j, written in standardised inputs. */
  async function modelOf(weights: Record<number, number>) {
    const w = Array.from({ length: SYNTH_LINEAR.d }, (_, j) => [0, (weights[j] ?? 0) * std[j]]);
    const b = Object.entries(weights).reduce((a, [j, wj]) => a + wj * mean[Number(j)], 0);
    return linearSoftmax(w, [0, b]);
  }

  it('passes for the true rule: accuracy ~1, chance without the signal, unchanged with noise shuffled', async () => {
    const truth = Object.fromEntries(SYNTH_LINEAR.relevant.map((j, k) => [j, SYNTH_LINEAR.weights[k]]));
    const model = await modelOf(truth);
    const before = tf.memory().numTensors;
    const c = checkGroundTruth(new Engine(model), data);
    expect(tf.memory().numTensors).toBe(before);
    expect(c.passed).toBe(true);
    expect(c.accuracy).toBeGreaterThan(0.995);
    expect(Math.abs(c.accuracyWithoutSignal - 0.5)).toBeLessThan(0.06);
    expect(c.accuracyDistractorsShuffled).toBe(c.accuracy);
    expect(c.detail).toMatch(/relevant features \(x1, x3, x6, x8\) permuted/);
    // Seeded: the same numbers again.
    expect(checkGroundTruth(new Engine(model), data)).toEqual(c);
  });

  it('fails a model that only looks at an irrelevant feature', async () => {
    const noise = checkGroundTruth(new Engine(await modelOf({ 0: 1 })), data);
    expect(noise.passed).toBe(false);
    expect(noise.detail).toMatch(/FAIL: margin < 0.2/);
  });
});
