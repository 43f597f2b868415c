/**
 * The known-answer check of the protected-attribute evidence on the synthetic hiring pair, whose
 * generator gives gender a log-odds coefficient of 0 (hiring-fair) or -2 (hiring-biased):
 * - the interventional effect of the trained models follows the generator (near 0 for fair, clearly
 *   negative for biased, across the three training seeds);
 * - the detection score (AUROC of gender's attribution share, biased-model explanations against
 *   fair-model ones, over the three seeds of each) is reported with an interval for gradient x input,
 *   integrated gradients, occlusion and KernelSHAP, each well above chance, while the `random`
 *   control's interval contains chance (0.5).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../core/backend.js';
import { selectSamples } from '../../../core/batch.js';
import { Engine } from '../../../core/engine.js';
import { rngFor } from '../../../core/rng.js';
import { loadTask } from '../../../datasets/index.js';
import type { Task } from '../../../datasets/task.js';
import { typedFeaturesOf } from '../../../datasets/typed-features.js';
import { getExplainer } from '../../../explainers/index.js';
import { type AnyAttributionExplainer, runExplainer } from '../../../test/helpers/explainer-fixtures.js';
import { argmaxRows } from '../../../explainers/examples/class-words.js';
import { protectedProminence } from './attribution-share.js';
import { detectionScore } from './detection-score.js';
import { interventionalEffect } from './interventional-effect.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const SEEDS = ['', '-s2', '-s3'];
const N = 30;

async function shares(taskId: string, explainerId: string, overrides: Record<string, number>): Promise<number[]> {
  const task: Task = await loadTask(taskId);
  const engine = new Engine(task.model);
  const ids = task.sampleIds(N);
  const batch = selectSamples(task.test.x, ids.map((s) => task.sampleIndex(s)));
  const targets = argmaxRows(engine.outputs(batch, 'logit'), engine.numClasses);
  const ctx = { engine, task, rng: (id: string, purpose: string) => rngFor(1, task.id, explainerId, 'explain', id, purpose) };
  const r = await runExplainer(getExplainer(explainerId) as AnyAttributionExplainer, ctx, batch, targets, overrides, ids);
  const d = batch.data.length / batch.n;
  const features = typedFeaturesOf(task);
  return ids.flatMap((_, i) => {
    const s = protectedProminence(r.attributions.subarray(i * d, (i + 1) * d), features, 'gender').share;
    return s === null ? [] : [s];
  });
}

describe('protected-attribute evidence on hiring-fair / hiring-biased', () => {
  it('measures the trained models’ dependence on gender in line with the generator', async () => {
    for (const variant of ['hiring-fair', 'hiring-biased'] as const) {
      for (const seed of SEEDS) {
        const task = await loadTask(`${variant}-mlp${seed}`);
        const attr = task.protectedAttribute!;
        const e = interventionalEffect(new Engine(task.model), task.test.x, attr, task.classes.indexOf('hired'), {
          seed: 1,
          stream: ['protected-effect', task.id],
          scale: task.scale,
        });
        const woman = e.levels[0];
        expect(e.reference).toBe('man');
        expect(woman.level).toBe('woman');
        if (variant === 'hiring-fair') expect(Math.abs(woman.logOdds.estimate)).toBeLessThan(0.5);
        else expect(woman.logOdds.ci![1]).toBeLessThan(-1);
      }
    }
  });

  const cases: [string, Record<string, number>][] = [
    ['gradient-x-input', {}],
    ['integrated-gradients', {}],
    ['occlusion', {}],
    ['kernel-shap', { samples: 256, backgroundRows: 10 }],
    ['random', {}],
  ];
  for (const [explainer, overrides] of cases) {
    it(`${explainer}: detection score with an interval`, { timeout: 120_000 }, async () => {
      const biased: number[] = [];
      const fair: number[] = [];
      for (const seed of SEEDS) {
        biased.push(...(await shares(`hiring-biased-mlp${seed}`, explainer, overrides)));
        fair.push(...(await shares(`hiring-fair-mlp${seed}`, explainer, overrides)));
      }
      const score = detectionScore(biased, fair, { seed: 1, stream: ['detection', explainer] });
      expect(score.ci).not.toBeNull();
      expect(score.ci![0]).toBeLessThanOrEqual(score.estimate);
      expect(score.ci![1]).toBeGreaterThanOrEqual(score.estimate);
      if (explainer === 'random') {
        expect(score.ci![0]).toBeLessThan(0.5);
        expect(score.ci![1]).toBeGreaterThan(0.5);
      } else expect(score.ci![0]).toBeGreaterThan(0.6);
      console.log(`detection ${explainer}: ${score.estimate.toFixed(3)} [${score.ci![0].toFixed(3)}, ${score.ci![1].toFixed(3)}]`);
    });
  }
});
