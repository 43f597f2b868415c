import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBackend } from '../core/backend.js';
import { loadModel } from '../core/model.js';
import { getTaskSpec, loadTask } from './index.js';
import { generatorSpec, generatorTrainingJson } from './generator-spec.js';
import { measureQuality, type GeneratorRecord } from '../tools/train/train-generator.js';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('the mnist-vae generator task', () => {
  it('offers a generator whose decoder maps latents to the task\'s inputs', async () => {
    expect(getTaskSpec('mnist-vae').offers).toEqual(['generator']);
    const task = await loadTask('mnist-vae');
    const g = task.generator!;
    expect(g.model.inputShape).toEqual([g.latentSize]);
    expect(g.model.numClasses).toBe(28 * 28);
    expect(g.encoder!.numClasses).toBe(2 * g.latentSize);
    expect(task.model.numClasses).toBe(10);
  });

  it('reproduces the recorded sample quality from the committed models', async () => {
    const rec = JSON.parse(readFileSync(generatorTrainingJson('mnist-vae'), 'utf8')) as GeneratorRecord;
    const task = await loadTask('mnist-vae');
    const classifier = await loadModel(`${task.model.source}`);
    const q = measureQuality(generatorSpec('mnist-vae'), task.generator!.model, task.generator!.encoder!, classifier, task.test.x, task.test.y);
    expect(q.priorConfidence).toBeCloseTo(rec.quality.priorConfidence, 3);
    expect(q.reconstructionAgreement).toBeCloseTo(rec.quality.reconstructionAgreement, 3);
    expect(task.generator!.model.hash).toBe(rec.decoderHash);
    classifier.dispose();
  });
});
