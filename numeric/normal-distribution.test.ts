import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalTwoSidedP } from './normal-distribution.js';

/** Reference values from mpmath at 50 digits. */
const QUANTILES: [number, number][] = [
  [1e-300, -37.0470962993611992],
  [1e-100, -21.2734535609653243],
  [1e-12, -7.03448382530113193],
  [1e-6, -4.75342430882289895],
  [0.001, -3.09023230616781354],
  [0.02, -2.05374891063182305],
  [0.3, -0.524400512708040784],
  [0.77, 0.738846849185213629],
  [0.99, 2.3263478740408411],
  [0.999999, 4.75342430882289895],
];
const CDF: [number, number][] = [
  [-37, 5.72557122252457682e-300],
  [-20, 2.7536241186062337e-89],
  [-10, 7.61985302416052607e-24],
  [-7.5, 3.19089167291089623e-14],
  [-5, 2.86651571879193912e-7],
  [-3, 0.00134989803163009453],
  [-1, 0.158655253931457051],
  [0.5, 0.691462461274013104],
  [3, 0.998650101968369905],
];

const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('standard normal distribution', () => {
  it('quantile (AS241) to double precision from 1e-300 to 1 - 1e-6', () => {
    // 1 - 1e-6 itself is stored to ~1e-16 absolute, which moves the quantile by ~1e-11 relative.
    for (const [p, x] of QUANTILES) expect(relative(normalQuantile(p), x)).toBeLessThan(p > 0.5 ? 1e-10 : 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(/p in \[0, 1\]/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/p in \[0, 1\]/);
  });

  it('CDF (Hart 5666): 1e-13 relative within 3 standard deviations, 1e-8 out to 10, 1e-10 beyond', () => {
    for (const [x, p] of CDF) expect(relative(normalCdf(x), p)).toBeLessThan(Math.abs(x) <= 3 ? 1e-13 : Math.abs(x) <= 10 ? 1e-8 : 1e-10);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    // Symmetry is exact by construction.
    for (const x of [0.3, 1.7, 4.2]) expect(normalCdf(x)).toBe(1 - normalCdf(-x));
  });

  it('two-sided p-values', () => {
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(normalTwoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(normalTwoSidedP(0)).toBe(1);
  });
});
