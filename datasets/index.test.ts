import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { getTaskSpec, loadTask, taskSpecs } from './index.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const REQUIRED = [
  'mnist-cnn', 'mnist-cnn-deep', 'mnist-mlp', 'digits-mlp', 'iris-mlp', 'wine-mlp', 'breast-cancer-mlp', 'synth-linear-mlp',
  'synth-nonlinear-mlp', 'synth-pattern-cnn', 'hiring-fair-mlp', 'hiring-biased-mlp', 'mnist-cnn-s2', 'mnist-cnn-s3', 'iris-mlp-s3',
];

describe('task registry', () => {
  it('lists the issue-2 tasks with unique ids, and names the known ids for an unknown one', () => {
    const ids = taskSpecs.map((t) => t.id);
    for (const id of REQUIRED) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(getTaskSpec('synth-pattern-cnn').kind).toBe('image');
    expect(getTaskSpec('hiring-biased-mlp').kind).toBe('tabular');
    expect(() => getTaskSpec('nope')).toThrow(UserError);
    expect(() => getTaskSpec('nope')).toThrow(/task 'nope': unknown \(known: mnist-cnn, .*iris-mlp/);
  });

  it('loads a task with model, baseline, background, ids shared across seeds, and caches it', async () => {
    const t = await loadTask('iris-mlp');
    expect(await loadTask('iris-mlp')).toBe(t);
    expect(t.model.inputShape).toEqual([4]);
    expect(t.baseline).toEqual(new Float32Array(4));
    expect(t.background).toBe(t.train.x);
    expect(t.units).toEqual(['cm', 'cm', 'cm', 'cm']);
    const s2 = await loadTask('iris-mlp-s2');
    expect(s2.sampleIds(20)).toEqual(t.sampleIds(20));
    expect(s2.model.hash).not.toBe(t.model.hash);
    expect(t.sampleIndex(t.sampleIds(1)[0])).toBeLessThan(t.test.x.n);
    expect(t.groundTruthCheck).toBeUndefined();
  });

  it('synthetic tasks carry ground truth, the recorded check and the protected attribute', async () => {
    const h = await loadTask('hiring-biased-mlp');
    expect(h.protectedAttribute).toEqual({ feature: 5, name: 'gender', trueEffect: -2, levels: ['man', 'woman'], favourableClass: 'hired' });
    expect(h.groundTruth).toMatchObject({ kind: 'features', relevant: [0, 1, 2, 3, 5] });
    expect(h.groundTruth?.kind === 'features' && h.groundTruth.coefficients?.[5]).toBe(-2);
    expect(h.groundTruthCheck?.passed).toBe(true);
    expect(h.dataset.synthetic).toBe(true);
    const p = await loadTask('synth-pattern-cnn');
    expect(p.groundTruth?.kind).toBe('mask');
    expect(p.featureNames[29]).toBe('pixel(1,1)');
    expect(p.baseline.every((v) => v === 0)).toBe(true);
  });
});
