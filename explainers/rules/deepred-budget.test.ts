// DeepRED is declared deterministic, so its cuts must not depend on the seed or the machine:
// the row subsample is evenly spaced and the budget counts work units, with wall time only as an outer
// safety cut that budgetHit names when it fires.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTask } from '../../datasets/index.js';
import type { Task } from '../../datasets/task.js';
import { useBackend } from '../../core/backend.js';
import { Engine } from '../../core/engine.js';
import { rngFor } from '../../core/rng.js';
import { deepredExplainer, extractDeepRed } from './deepred.js';
import type { RulesState } from './rules-explanation.js';
import { WorkBudget } from './work-budget.js';

let task: Task;
const base = { minCases: 2, cf: 0.25, maxTerms: 200, maxClauses: 400, seconds: 600, rows: 300 };

beforeAll(async () => {
  await useBackend('wasm');
  task = await loadTask('xor-mlp');
});

const fit = async (seed: number, p: typeof base & { work: number }) =>
  (await deepredExplainer.fit!(
    { engine: new Engine(task.model), task, rng: (q) => rngFor(seed, task.id, q), data: { train: task.train, test: task.test } },
    p,
  )) as RulesState;

describe('DeepRED budgets (deterministic: true)', () => {
  it('gives the same rules for every seed, with and without a work cut', async () => {
    expect(deepredExplainer.deterministic).toBe(true);
    for (const work of [0, 3000]) {
      const a = await fit(1, { ...base, work });
      const b = await fit(7, { ...base, work });
      expect(b.global.rules).toEqual(a.global.rules);
      expect(b.global.budgetHit).toEqual(a.global.budgetHit);
      expect(a.global.budgetHit?.some((h) => h.budget === 'seconds')).toBe(false);
      // The row subsample is reported, and it is the same rows whatever the seed.
      expect(a.global.budgetHit?.find((h) => h.budget === 'rows')).toMatchObject({ limit: 300 });
    }
  });

  it('cuts by work where the budget runs out, and reports it', async () => {
    const full = await fit(0, { ...base, work: 0 });
    expect(full.global.budgetHit?.some((h) => h.budget === 'work')).toBe(false);
    const cut = await fit(0, { ...base, work: 3000 });
    const hits = cut.global.budgetHit!.filter((h) => h.budget === 'work');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.limit === 3000 && h.cut > 0)).toBe(true);
    expect(cut.global.rules).not.toEqual(full.global.rules);
  });

  it('counts the units it spends: what a full extraction spends is enough, half of it is not', async () => {
    const spent: number[] = [];
    const orig = WorkBudget.prototype.spend;
    WorkBudget.prototype.spend = function (u: number) {
      orig.call(this, u);
      spent[0] = this.spent;
    };
    try {
      extractDeepRed(
        { engine: new Engine(task.model), task, rng: (q) => rngFor(0, task.id, q), data: { train: task.train, test: task.test } },
        { ...base, work: 0 },
      );
    } finally {
      WorkBudget.prototype.spend = orig;
    }
    expect(spent[0]).toBeGreaterThan(3000);
    const roomy = await fit(0, { ...base, work: spent[0] + 1 });
    expect(roomy.global.budgetHit?.some((h) => h.budget === 'work')).toBe(false);
    const half = await fit(0, { ...base, work: Math.floor(spent[0] / 2) });
    expect(half.global.budgetHit?.some((h) => h.budget === 'work')).toBe(true);
  });
});
