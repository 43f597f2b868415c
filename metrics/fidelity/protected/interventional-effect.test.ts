import { describe, expect, it } from 'vitest';
import { makeBatch } from '../../../core/batch.js';
import { Engine } from '../../../core/engine.js';
import { rngFor } from '../../../core/rng.js';
import type { ProtectedAttribute } from '../../../datasets/task.js';
import { linearSoftmax } from '../../../test/helpers/tiny-models.js';
import { interventionalEffect } from './interventional-effect.js';

/** 200 rows of 3 features: two standard normals and a 0/1 attribute in column 2. */
function rows(n = 200): Float32Array {
  const rng = rngFor(5, 'rows');
  const x = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) x.set([rng.next() * 4 - 2, rng.next() * 4 - 2, rng.bernoulli(0.5) ? 1 : 0], i * 3);
  return x;
}
const attr: ProtectedAttribute = { feature: 2, name: 'sex', trueEffect: NaN, levels: ['female', 'male'] };
const opts = { seed: 1, stream: ['test'] };

describe('interventionalEffect', () => {
  it('is exactly zero for a model that ignores the attribute', async () => {
    // class-1 logit minus class-0 logit = 0.8 x0 - 1.1 x1 (attribute weight 0)
    const model = await linearSoftmax([[0, 0.8], [0, -1.1], [0, 0]], [0, 0.2]);
    const e = interventionalEffect(new Engine(model), makeBatch(rows(), [3]), attr, 1, opts);
    expect(e.reference).toBe('female');
    expect(e.levels.map((l) => l.level)).toEqual(['male']);
    expect(e.levels[0].probability.estimate).toBe(0);
    expect(e.levels[0].logOdds.estimate).toBe(0);
    expect(e.levels[0].logOdds.ci).toEqual([0, 0]);
  });

  it('recovers the known coefficient of a hand-weighted logistic model in the log-odds', async () => {
    // log-odds of class 1 = 0.5 x0 - 0.3 x1 - 1.5 attribute + 0.1
    const model = await linearSoftmax([[0, 0.5], [0, -0.3], [0, -1.5]], [0, 0.1]);
    const e = interventionalEffect(new Engine(model), makeBatch(rows(), [3]), attr, 1, opts);
    const l = e.levels[0];
    expect(l.logOdds.estimate).toBeCloseTo(-1.5, 4);
    expect(l.logOdds.ci![0]).toBeCloseTo(-1.5, 4);
    expect(l.logOdds.ci![1]).toBeCloseTo(-1.5, 4);
    // the probability change is negative, varies by row, and its interval is proper
    expect(l.probability.estimate).toBeLessThan(-0.1);
    expect(l.probability.ci![0]).toBeLessThan(l.probability.estimate);
    expect(l.probability.ci![1]).toBeGreaterThan(l.probability.estimate);
    // for the other class the effect flips sign
    const other = interventionalEffect(new Engine(model), makeBatch(rows(), [3]), attr, 0, opts);
    expect(other.levels[0].logOdds.estimate).toBeCloseTo(1.5, 4);
  });

  it('sets standardised and one-hot attributes in model-input space', async () => {
    // one-hot attribute in columns 1..3 (levels a, b, c); weights 0, 0.7, -0.4 towards class 1
    const model = await linearSoftmax([[0, 1], [0, 0], [0, 0.7], [0, -0.4]], [0, 0]);
    const x = new Float32Array(40 * 4).map((_, i) => (i % 4 === 0 ? (i % 7) - 3 : i % 4 === 1 ? 1 : 0));
    const oneHot: ProtectedAttribute = { feature: 1, name: 'marital', trueEffect: NaN, levels: ['a', 'b', 'c'], columns: [1, 2, 3] };
    const e = interventionalEffect(new Engine(model), makeBatch(x, [4]), oneHot, 1, opts);
    expect(e.levels.map((l) => l.logOdds.estimate)).toEqual([expect.closeTo(0.7, 4), expect.closeTo(-0.4, 4)]);
    // with a scale, level k is (k - mean) / std in the model's input: the raw coefficient is w / std
    const scaled = await linearSoftmax([[0, 0], [0, 0], [0, 2]], [0, 0]);
    const scale = { mean: new Float32Array([0, 0, 0.5]), std: new Float32Array([1, 1, 0.5]) };
    const s = interventionalEffect(new Engine(scaled), makeBatch(rows(), [3]), attr, 1, { ...opts, scale });
    expect(s.levels[0].logOdds.estimate).toBeCloseTo(4, 4);
  });
});
