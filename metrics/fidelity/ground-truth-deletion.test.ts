/**
 * On the synthetic tasks, an attribution that is the ground truth itself must beat the random control
 * on deletion AUC: a known answer about the metric and the tasks together (the task's ground truth is what the model reads).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { selectSamples, sizeOf } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { defaults } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import { loadTask } from '../../datasets/index.js';
import { deletionAuc } from './deletion-auc.js';
import type { MetricValue } from '../types.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const meanOf = (vs: readonly MetricValue[]) => {
  const xs = vs.filter((v): v is number => typeof v === 'number');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};

describe('deletion AUC on the synthetic ground-truth tasks', () => {
  for (const id of ['synth-linear-mlp', 'synth-nonlinear-mlp', 'synth-pattern-cnn', 'hiring-biased-mlp']) {
    it(`${id}: the ground-truth attribution beats the random control`, async () => {
      const task = await loadTask(id);
      const engine = new Engine(task.model);
      const ids = task.sampleIds(24);
      const idx = ids.map((s) => task.sampleIndex(s));
      const batch = selectSamples(task.test.x, idx);
      const probs = engine.outputs(batch, 'probability');
      const c = engine.numClasses;
      const targets = Int32Array.from({ length: batch.n }, (_, i) => {
        let best = 0;
        for (let k = 1; k < c; k++) if (probs[i * c + k] > probs[i * c + best]) best = k;
        return best;
      });
      const d = sizeOf(task.sampleShape);
      const gt = task.groundTruth!;
      const truth = new Float32Array(batch.n * d);
      const random = new Float32Array(batch.n * d);
      idx.forEach((row, i) => {
        const mask = gt.kind === 'mask' ? gt.masks(row) : Uint8Array.from({ length: d }, (_, j) => (gt.relevant.includes(j) ? 1 : 0));
        const rng = rngFor(0, 'gt-deletion', id, ids[i]);
        for (let j = 0; j < d; j++) {
          truth[i * d + j] = mask[j] ? 1 + rng.next() * 1e-3 : 0;
          random[i * d + j] = rng.normal();
        }
      });
      const ctx = { engine, task, rng: (sampleId: string, purpose: string) => rngFor(0, id, 'deletion', sampleId, purpose) };
      const p = defaults(deletionAuc.params);
      const input = (attributions: Float32Array) => ({ batch, targets, sampleIds: ids, attributions, output: 'logit' as const });
      const gtAuc = meanOf((await deletionAuc.evaluate(ctx, input(truth), p)) as MetricValue[]);
      const randomAuc = meanOf((await deletionAuc.evaluate(ctx, input(random), p)) as MetricValue[]);
      expect(gtAuc).toBeLessThan(randomAuc);
    });
  }
});
