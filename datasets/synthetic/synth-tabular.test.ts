import { describe, expect, it } from 'vitest';
import { sizeOf } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import type { Dataset } from '../dataset.js';
import { permuteColumns } from '../feature-probe.js';
import { invertScale } from '../standardise.js';
import { generateSynthLinear, linearScore, SYNTH_LINEAR } from './synth-linear.js';
import { generateSynthNonlinear, nonlinearScore, SYNTH_NONLINEAR } from './synth-nonlinear.js';

/** Raw rows (original units) of the test split. */
function rawTest(d: Dataset): Float32Array {
  return invertScale(d.test.x.data, d.scale!);
}

const cases = [
  { name: 'synth-linear', gen: generateSynthLinear, score: linearScore, p: SYNTH_LINEAR },
  { name: 'synth-nonlinear', gen: generateSynthNonlinear, score: nonlinearScore, p: SYNTH_NONLINEAR },
] as const;

describe.each(cases)('$name', ({ gen, score, p }) => {
  const data = gen();

  it('is deterministic under its seed and changes with it', () => {
    const again = gen();
    expect(again.test.x.data).toEqual(data.test.x.data);
    expect(again.info.hash).toBe(data.info.hash);
    const other = gen(2);
    expect(other.info.hash).not.toBe(data.info.hash);
    expect(other.test.x.data).not.toEqual(data.test.x.data);
  });

  it('labels are the documented function of the relevant features, and only of them', () => {
    expect(data.groundTruth).toMatchObject({ kind: 'features', relevant: [...p.relevant] });
    const raw = rawTest(data);
    const d = p.d;
    for (let i = 0; i < data.test.x.n; i++) {
      const z = score(raw.subarray(i * d, (i + 1) * d));
      if (Math.abs(z) > 1e-4) expect(data.test.y[i]).toBe(z > 0 ? 1 : 0);
    }
    // Permuting the irrelevant columns cannot change the formula's answer; permuting the relevant
    // ones leaves agreement with the label at about chance.
    const agree = (x: Float32Array) => {
      let hits = 0;
      for (let i = 0; i < data.test.x.n; i++) if ((score(x.subarray(i * d, (i + 1) * d)) > 0 ? 1 : 0) === data.test.y[i]) hits++;
      return hits / data.test.x.n;
    };
    const irrelevant = Array.from({ length: d }, (_, j) => j).filter((j) => !p.relevant.includes(j as never));
    const shuffledIrr = permuteColumns(data.test.x, irrelevant, rngFor(1, 't'));
    expect(agree(invertScale(shuffledIrr.data, data.scale!))).toBeGreaterThan(0.99);
    const shuffledRel = permuteColumns(data.test.x, p.relevant, rngFor(1, 't'));
    expect(Math.abs(agree(invertScale(shuffledRel.data, data.scale!)) - 0.5)).toBeLessThan(0.07);
  });

  it('has balanced classes and standardised features', () => {
    const pos = data.train.y.reduce((a, v) => a + v, 0) / data.train.y.length;
    expect(pos).toBeGreaterThan(0.4);
    expect(pos).toBeLessThan(0.6);
    expect(sizeOf(data.sampleShape)).toBe(p.d);
    expect(data.units).toEqual(Array(p.d).fill(''));
  });
});
