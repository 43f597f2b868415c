/** Known answers and properties of the normal and F distributions and of the bootstrap intervals. */
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { bcaLevels, biasCorrection, bootstrapInterval, jackknifeAcceleration, meanOf } from './bootstrap.js';
import { fCdf, fQuantile } from '../../numeric/f-distribution.js';
import { normalCdf, normalQuantile } from '../../numeric/normal-distribution.js';

describe('normal and F distributions', () => {
  it('Φ⁻¹ is accurate where simple-statistics probit is not (1.959964 at 0.975)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(normalQuantile(0.3))).toBeCloseTo(0.3, 7);
  });

  it('F quantiles match printed tables: F.975(5, 18) = 3.382, F.95(1, 10) = 4.965', () => {
    expect(fQuantile(0.975, 5, 18)).toBeCloseTo(3.382, 3);
    expect(fQuantile(0.95, 1, 10)).toBeCloseTo(4.965, 3);
    expect(fCdf(fQuantile(0.3, 3, 7), 3, 7)).toBeCloseTo(0.3, 10);
  });
});

describe('BCa pieces (Efron 1987)', () => {
  it('acceleration of the mean of [1,2,3,4,10] is 0.084853', () => {
    const x = [1, 2, 3, 4, 10];
    const jack = x.map((_, i) => meanOf(x.filter((__, j) => j !== i)));
    expect(jackknifeAcceleration(jack)).toBeCloseTo(0.084853, 6);
  });

  it('adjusted levels: (0,0) -> (0.025, 0.975); (0.1, 0.05) -> (0.054610, 0.991724); (-0.2, 0.1) -> (0.024061, 0.973558)', () => {
    const [a, b] = bcaLevels(0, 0);
    expect(a).toBeCloseTo(0.025, 7);
    expect(b).toBeCloseTo(0.975, 7);
    const [c, d] = bcaLevels(0.1, 0.05);
    expect(c).toBeCloseTo(0.05461, 6);
    expect(d).toBeCloseTo(0.991724, 6);
    const [e, f] = bcaLevels(-0.2, 0.1);
    expect(e).toBeCloseTo(0.024061, 6);
    expect(f).toBeCloseTo(0.973558, 6);
  });

  it('bias correction on the exact bootstrap of mean([1,2,6]) counts ties at the estimate as half: (11 + 6/2)/27', () => {
    const x = [1, 2, 6];
    const all: number[] = [];
    for (const a of x) for (const b of x) for (const c of x) all.push((a + b + c) / 3);
    expect(all.filter((m) => m < 3).length).toBe(11);
    expect(all.filter((m) => m <= 3).length).toBe(17);
    expect(biasCorrection(all, 3)).toBeCloseTo(normalQuantile(14 / 27), 12);
  });
});

describe('bootstrap intervals', () => {
  const rng = rngFor(7, 'data');
  const symmetric = Array.from({ length: 400 }, () => rng.normal());

  it('are reproducible from (seed, stream) and change with either', () => {
    const a = bootstrapInterval(symmetric.slice(0, 30), meanOf, { seed: 1, stream: ['x'], resamples: 500 });
    const b = bootstrapInterval(symmetric.slice(0, 30), meanOf, { seed: 1, stream: ['x'], resamples: 500 });
    const c = bootstrapInterval(symmetric.slice(0, 30), meanOf, { seed: 2, stream: ['x'], resamples: 500 });
    expect(a).toEqual(b);
    expect(c.ci).not.toEqual(a.ci);
  });

  it('BCa tends to the percentile interval on symmetric data', () => {
    const opts = { seed: 3, stream: ['sym'], resamples: 4000 };
    const p = bootstrapInterval(symmetric, meanOf, { ...opts, method: 'percentile' });
    const bca = bootstrapInterval(symmetric, meanOf, { ...opts, method: 'bca' });
    expect(Math.abs(bca.acceleration)).toBeLessThan(0.01);
    expect(Math.abs(bca.ci![0] - p.ci![0])).toBeLessThan(0.01);
    expect(Math.abs(bca.ci![1] - p.ci![1])).toBeLessThan(0.01);
    // The interval covers the mean and is about ±1.96/√400 wide.
    expect(p.ci![1] - p.ci![0]).toBeGreaterThan(0.15);
    expect(p.ci![1] - p.ci![0]).toBeLessThan(0.25);
  });

  it('BCa shifts right of the percentile interval on right-skewed data', () => {
    const skewed = symmetric.slice(0, 60).map((z) => Math.exp(z));
    const opts = { seed: 3, stream: ['skew'], resamples: 4000 };
    const p = bootstrapInterval(skewed, meanOf, { ...opts, method: 'percentile' });
    const bca = bootstrapInterval(skewed, meanOf, { ...opts, method: 'bca' });
    expect(bca.acceleration).toBeGreaterThan(0);
    expect(bca.ci![1]).toBeGreaterThan(p.ci![1]);
  });

  it('give a point interval on constant data and no interval from one unit', () => {
    expect(bootstrapInterval([1, 1, 1], meanOf, { seed: 0, stream: ['c'], resamples: 50 }).ci).toEqual([1, 1]);
    expect(bootstrapInterval([1], meanOf, { seed: 0, stream: ['c'] }).ci).toBeNull();
  });
});
