import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../core/backend.js';
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { rngFor } from '../../core/rng.js';
import type { TaskView } from '../../datasets/task.js';
import { linearSoftmax } from '../../test/helpers/tiny-models.js';
import { counterfactualExplainer } from './counterfactual.js';

beforeAll(async () => {
  await useBackend('wasm');
});

// f0 numeric (cm); sex binary in column 1 (0 = female, 1 = male); purpose one-hot in columns 2..4.
const task: TaskView = {
  id: 'typed',
  kind: 'tabular',
  sampleShape: [5],
  classes: ['denied', 'granted'],
  featureNames: ['f0', 'sex', 'purpose = car', 'purpose = tv', 'purpose = other'],
  units: ['cm', '', '', '', ''],
  baseline: new Float32Array(5),
  features: [
    { kind: 'numeric', name: 'f0', unit: 'cm', columns: [0] },
    { kind: 'categorical', name: 'sex', levels: ['female', 'male'], encoding: 'binary', columns: [1] },
    { kind: 'categorical', name: 'purpose', levels: ['car', 'tv', 'other'], encoding: 'one-hot', columns: [2, 3, 4] },
  ],
  immutable: ['sex'],
};
const params = { samples: 64, layers: 60, step: 0.1, sparsify: true };

async function explain(immutable: string) {
  // granted when 0.5 f0 + 3 sex + 1.5 [purpose = other] > 1
  const engine = new Engine(await linearSoftmax([[0, 0.5], [0, 3], [0, 0], [0, 0], [0, 1.5]], [0, -1]));
  const batch = makeBatch(Float32Array.from([0, 0, 1, 0, 0]), [5]);
  const r = await counterfactualExplainer.explain({
    ctx: { engine, task, rng: (id, purpose) => rngFor(0, 'ex', id, purpose) },
    batch,
    targets: Int32Array.from([0]),
    sampleIds: ['s0'],
    params: { ...params, immutable },
    state: undefined,
  });
  return { q: r.explanations[0], text: r.text[0] };
}

describe('counterfactual on typed features', () => {
  it('leaves the immutable protected attribute alone and moves categorical features only to valid levels', async () => {
    const { q, text } = await explain('task');
    expect(q.counterfactual!.found).toBe(true);
    const cf = q.samples[0].input as number[];
    expect(cf[1]).toBe(0);
    const purpose = cf.slice(2);
    expect(purpose.filter((v) => v === 1)).toHaveLength(1);
    expect(purpose.filter((v) => v === 0)).toHaveLength(2);
    expect(q.counterfactual!.changes!.map((c) => c.name)).not.toContain('sex');
    const p = q.counterfactual!.changes!.find((c) => c.name === 'purpose');
    if (p) expect(p).toMatchObject({ fromLevel: 'car', toLevel: expect.stringMatching(/^(tv|other)$/) });
    expect(text.en).not.toMatch(/purpose = /);
  });

  it("changes the protected attribute when the override lists no immutable feature, naming its levels", async () => {
    const { q, text } = await explain('none');
    const cf = q.samples[0].input as number[];
    expect([0, 1]).toContain(cf[1]);
    expect(q.counterfactual!.changes!.find((c) => c.name === 'sex')).toMatchObject({ fromLevel: 'female', toLevel: 'male' });
    expect(text.en).toMatch(/sex from female to male/);
    expect(text.ko).toMatch(/sex를 female에서 male로/);
  });

  it('refuses an immutable name that is not a feature', async () => {
    await expect(explain('colour')).rejects.toThrow(/counterfactual.immutable: 'colour' is not a feature of task typed/);
  });
});
