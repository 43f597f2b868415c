/**
 * Every model recorded in zoo.json loads on wasm, reproduces its recorded test accuracy within 0.5
 * points, and, on synthetic sets, its recorded ground-truth check passed and is reproduced.
 */
import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { Engine } from '../core/engine.js';
import { loadModel } from '../core/model.js';
import { accuracy } from './accuracy.js';
import { loadDataset } from './dataset-registry.js';
import { checkGroundTruth } from './ground-truth-check.js';
import { MODEL_SPECS } from './zoo-spec.js';
import { modelJsonPath, readZoo } from './zoo.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const zoo = readZoo();

describe('model zoo', () => {
  it('holds every model of zoo-spec, small enough to commit', () => {
    expect(zoo.models.map((m) => m.id)).toEqual(MODEL_SPECS.map((s) => s.id));
    for (const m of zoo.models) expect(existsSync(modelJsonPath(m.id))).toBe(true);
    expect(zoo.models.reduce((a, m) => a + m.sizeBytes, 0)).toBeLessThan(8e6);
  });

  it.each(zoo.models.map((m) => [m.id, m] as const))('%s: recorded test accuracy and check reproduce', async (_id, entry) => {
    const data = loadDataset(entry.datasetId);
    const model = await loadModel(modelJsonPath(entry.id));
    const before = tf.memory().numTensors;
    const engine = new Engine(model, 256);
    expect(model.hash).toBe(entry.modelHash);
    expect(data.test.x.n).toBe(entry.testSize);
    const acc = accuracy(engine, data.test.x, data.test.y);
    expect(Math.abs(acc - entry.testAccuracy)).toBeLessThanOrEqual(0.005);
    if (data.probe) {
      expect(entry.groundTruthCheck?.passed, entry.groundTruthCheck?.detail).toBe(true);
      const again = checkGroundTruth(engine, data);
      expect(again.passed, again.detail).toBe(true);
      expect(Math.abs(again.accuracyWithoutSignal - entry.groundTruthCheck!.accuracyWithoutSignal)).toBeLessThanOrEqual(0.005);
    } else {
      expect(entry.groundTruthCheck).toBeUndefined();
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
