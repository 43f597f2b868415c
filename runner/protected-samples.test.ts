/** Inputs per task under a per-group minimum: enough of each protected group, on the real sample ids. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { loadTask } from '../datasets/index.js';
import { testRowLevels } from '../leaderboard/protected/row-levels.js';
import { getProfile } from './profiles.js';
import { inputCount } from './protected-samples.js';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Inputs per group among the first n sample ids. */
async function groupsOfPrefix(id: string, n: number): Promise<number[]> {
  const t = await loadTask(id);
  const levels = testRowLevels(t);
  const counts = t.protectedAttribute!.levels!.map(() => 0);
  for (const s of t.sampleIds(n)) counts[levels[t.sampleIndex(s)]]++;
  return counts;
}

describe('inputCount', () => {
  it('gives each group of a binary protected attribute at least the minimum, and no more inputs than needed', async () => {
    const min = getProfile('standard').protectedGroupMinimum!;
    expect(min).toBe(30);
    for (const id of ['german-credit-mlp', 'hmda-mlp', 'hiring-fair-mlp', 'hiring-biased-mlp']) {
      const n = inputCount(await loadTask(id), 50, min);
      const groups = await groupsOfPrefix(id, n);
      expect(Math.min(...groups), id).toBeGreaterThanOrEqual(min);
      // one input fewer leaves a group short
      expect(Math.min(...(await groupsOfPrefix(id, n - 1))), id).toBeLessThan(min);
    }
    // the real tasks' ids are dealt by group: exactly 2 x 30
    expect(inputCount(await loadTask('german-credit-mlp'), 50, 30)).toBe(60);
    expect(inputCount(await loadTask('hmda-mlp'), 50, 30)).toBe(60);
  });

  it('keeps the count without a minimum, without a protected attribute, beyond two levels, or when it is already enough', async () => {
    expect(inputCount(await loadTask('german-credit-mlp'), 50)).toBe(50);
    expect(inputCount(await loadTask('iris-mlp'), 50, 30)).toBe(Math.min(50, (await loadTask('iris-mlp')).test.x.n));
    expect(inputCount(await loadTask('credit-data-mlp'), 50, 30)).toBe(50);
    expect(inputCount(await loadTask('german-credit-mlp'), 80, 30)).toBe(80);
    const all = (await loadTask('hmda-mlp')).test.x.n;
    expect(inputCount(await loadTask('hmda-mlp'), 'all', 30)).toBe(all);
    // a group smaller than the minimum: every test row
    expect(inputCount(await loadTask('german-credit-mlp'), 50, 10_000)).toBe((await loadTask('german-credit-mlp')).test.x.n);
  });

  it('is set in standard only (quick and smoke keep their counts)', () => {
    expect(getProfile('quick').protectedGroupMinimum).toBeUndefined();
    expect(getProfile('smoke').protectedGroupMinimum).toBeUndefined();
  });
});

describe('the run plan', () => {
  it('records the standard profile group minimum in the run config, and drops it under --samples', async () => {
    const { planRun } = await import('./run-plan.js');
    const plain = await planRun({ profile: 'standard', tasks: ['german-credit-mlp'], explainers: ['random'], metrics: ['sparseness'] });
    expect(plain.protectedGroupMinimum).toBe(30);
    expect(plain.config.protectedGroupMinimum).toBe(30);
    const exact = await planRun({ profile: 'standard', tasks: ['german-credit-mlp'], explainers: ['random'], metrics: ['sparseness'], samples: 8 });
    expect(exact.protectedGroupMinimum).toBeUndefined();
    expect(exact.config).not.toHaveProperty('protectedGroupMinimum');
  });
});
