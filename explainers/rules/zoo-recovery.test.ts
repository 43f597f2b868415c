// Known answers on zoo models: XOR recovered exactly by DeepRED, iris rules as a person writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTask } from '../../datasets/index.js';
import { useBackend } from '../../core/backend.js';
import { Engine } from '../../core/engine.js';
import { rngFor } from '../../core/rng.js';
import type { Task } from '../../datasets/task.js';
import { c45PedagogicalExplainer } from './c45-pedagogical.js';
import { deepredExplainer } from './deepred.js';
import { modelLabels } from './extraction-data.js';
import { predictRows } from './rule-set.js';
import type { RulesState } from './rules-explanation.js';

beforeAll(async () => {
  await useBackend('wasm');
});

async function fit(task: Task, explainer: typeof deepredExplainer | typeof c45PedagogicalExplainer, p: Record<string, number>) {
  const engine = new Engine(task.model);
  const state = (await explainer.fit!(
    { engine, task, rng: (q) => rngFor(0, task.id, q), data: { train: task.train, test: task.test } },
    p as never,
  )) as RulesState;
  const lab = modelLabels(engine, task.test.x);
  const pred = predictRows(state.ruleSet, task.test.x.data, task.test.x.n, task.sampleShape[0]);
  return { state, fidelity: pred.filter((r, i) => r.cls === lab[i]).length / lab.length };
}

describe('rule extraction on zoo models', () => {
  it('DeepRED recovers x0 xor x1 exactly from the XOR MLP', async () => {
    const task = await loadTask('xor-mlp');
    const {
      state,
      fidelity,
    } = await fit(task, deepredExplainer, { minCases: 2, cf: 0.25, maxTerms: 200, maxClauses: 400, seconds: 60, rows: 0 });
    expect(fidelity).toBe(1);
    expect(state.global.text.en).toBe(['IF x0 <= 0 AND x1 <= 0 THEN zero', 'IF x0 > 0 AND x1 > 0 THEN zero', 'ELSE one'].join('\n'));
    expect(state.global.budgetHit).toBeUndefined();
  });

  it('C4.5 rules for iris read as a person would write them', async () => {
    const task = await loadTask('iris-mlp');
    const { state, fidelity } = await fit(task, c45PedagogicalExplainer, { minCases: 2, cf: 0.25, rows: 0, seconds: 30 });
    expect(fidelity).toBeGreaterThan(0.95);
    expect(state.global.text.en).toBe(
      [
        'IF petal_length_cm <= 1.9 cm THEN setosa',
        'IF 1.9 cm < petal_length_cm <= 4.9 cm AND petal_width_cm <= 1.6 cm THEN versicolor',
        'ELSE virginica',
      ].join('\n'),
    );
    expect(state.global.text.ko).toBe(
      [
        'petal_length_cm <= 1.9 cm 이면 세토사',
        '1.9 cm < petal_length_cm <= 4.9 cm 이고 petal_width_cm <= 1.6 cm 이면 버시컬러',
        '그 밖에는 버지니카',
      ].join('\n'),
    );
  });

  it('DeepRED refuses a network that is not Dense, naming the layer', async () => {
    const task = await loadTask('mnist-cnn');
    await expect(fit(
      task,
      deepredExplainer,
      { minCases: 2, cf: 0.25, maxTerms: 10, maxClauses: 10, seconds: 1, rows: 10 },
    )).rejects.toThrow(/deepred: .*(Conv2D|shape)/);
  });
});
