import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import { normalCdf } from '../../../numeric/normal-distribution.js';
import { truncatedNormal, truncatedNormalSampler } from './truncated-normal.js';

describe('truncated normal sampling', () => {
  it('draws inside the bounds with the truncated mean, in both tails', () => {
    const rng = rngFor(5, 'tn');
    // Standard normal truncated to [1, 2]: mean (phi(1) - phi(2)) / (Phi(2) - Phi(1)).
    const phi = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    for (const [lo, hi] of [[1, 2], [-2, -1], [-0.5, 3], [4, 9]]) {
      let s = 0;
      let outside = 0;
      const n = 4000;
      for (let i = 0; i < n; i++) {
        const v = truncatedNormal(0, 1, lo, hi, rng);
        if (v < lo || v > hi) outside++;
        s += v;
      }
      expect(outside).toBe(0);
      const mean = (phi(lo) - phi(hi)) / (normalCdf(hi) - normalCdf(lo));
      expect(Math.abs(s / n - mean)).toBeLessThan(0.03);
    }
    // Location and scale.
    const v = truncatedNormal(10, 2, 9, 9.5, rng);
    expect(v >= 9 && v <= 9.5).toBe(true);
  });

  it('prepared samplers draw exactly what truncatedNormal draws, from the same stream', () => {
    for (const [mean, std, lo, hi] of [[0, 1, 1, 2], [0, 1, -2, -1], [0.3, 2, -0.5, 3], [0, 1, 4, 9], [-1, 0.5, -9, -4]]) {
      const a = rngFor(6, 'tn', lo, hi);
      const b = rngFor(6, 'tn', lo, hi);
      const s = truncatedNormalSampler(mean, std, lo, hi);
      for (let i = 0; i < 200; i++) expect(s.draw(b)).toBe(truncatedNormal(mean, std, lo, hi, a));
    }
  });
});
