import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/rng.js';
import { normalCdf } from './normal-distribution.js';
import { zigguratNormal } from './ziggurat.js';

const R = 3.442619855899;

/** sqrt(n) times the Kolmogorov-Smirnov distance of the sample from the standard normal. */
function scaledKs(values: Float64Array): number {
  const xs = Float64Array.from(values).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const c = normalCdf(xs[i]);
    d = Math.max(d, Math.abs(c - i / n), Math.abs(c - (i + 1) / n));
  }
  return d * Math.sqrt(n);
}

describe('ziggurat normal draws', () => {
  const n = 1_000_000;
  const draws = new Float64Array(n);
  const rng = rngFor(11, 'ziggurat-test');
  for (let i = 0; i < n; i++) draws[i] = zigguratNormal(rng);

  it('follow the standard normal: Kolmogorov-Smirnov, moments', () => {
    // The 99.9% point of the Kolmogorov distribution is 1.95; a wrong layer table gives tens.
    expect(scaledKs(draws)).toBeLessThan(1.95);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of draws) {
      m1 += x;
      m2 += x * x;
      m3 += x ** 3;
      m4 += x ** 4;
    }
    // Standard errors at n = 1e6: mean 0.001, variance 0.0014, skewness 0.0024, kurtosis 0.005.
    expect(Math.abs(m1 / n)).toBeLessThan(0.004);
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.006);
    expect(Math.abs(m3 / n)).toBeLessThan(0.01);
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.03);
  });

  it('reach the tail beyond R as often as the normal does, on both sides, and follow it there', () => {
    const tail = draws.filter((x) => Math.abs(x) > R);
    const expected = 2 * normalCdf(-R) * n; // 576
    expect(Math.abs(tail.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
    const positive = tail.filter((x) => x > 0).length;
    expect(Math.abs(positive - tail.length / 2)).toBeLessThan(4 * Math.sqrt(tail.length / 4));
    // Mean excess over R of the normal tail: phi(R) / (1 - Phi(R)) - R = 0.2658.
    const phiR = Math.exp(-R * R / 2) / Math.sqrt(2 * Math.PI);
    const excess = tail.reduce((s, x) => s + Math.abs(x) - R, 0) / tail.length;
    expect(Math.abs(excess - (phiR / normalCdf(-R) - R))).toBeLessThan(0.05);
  });

  it('are exact in the wedges: the top layer (always a wedge) gives the right mass near 0', () => {
    // P(|X| < 0.2) = 0.1585; the top layers are decided by the wedge test alone.
    const inner = draws.filter((x) => Math.abs(x) < 0.2).length / n;
    expect(Math.abs(inner - (2 * normalCdf(0.2) - 1))).toBeLessThan(0.0015);
  });

  it('are deterministic under a seed and differ between streams', () => {
    const a = rngFor(3, 'z');
    const b = rngFor(3, 'z');
    const c = rngFor(4, 'z');
    const xa = Array.from({ length: 100 }, () => a.normal());
    expect(Array.from({ length: 100 }, () => b.normal())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.normal())).not.toEqual(xa);
  });
});
