import { describe, expect, it } from 'vitest';
import { gaussLegendre, riemannMidpoint } from './quadrature.js';

const integrate = (q: { nodes: Float64Array; weights: Float64Array }, f: (t: number) => number) =>
  q.nodes.reduce((s, t, i) => s + q.weights[i] * f(t), 0);

describe('quadrature on [0, 1]', () => {
  it('Gauss-Legendre matches the textbook 2- and 3-point rules', () => {
    const g2 = gaussLegendre(2);
    expect(g2.nodes[0]).toBeCloseTo((1 - 1 / Math.sqrt(3)) / 2, 14);
    expect(g2.nodes[1]).toBeCloseTo((1 + 1 / Math.sqrt(3)) / 2, 14);
    expect(g2.weights[0]).toBeCloseTo(0.5, 14);
    const g3 = gaussLegendre(3);
    expect(g3.nodes[1]).toBeCloseTo(0.5, 14);
    expect(g3.weights[1]).toBeCloseTo(8 / 18, 14);
    expect(g3.nodes[0]).toBeCloseTo((1 - Math.sqrt(3 / 5)) / 2, 14);
    expect(gaussLegendre(1).nodes[0]).toBeCloseTo(0.5, 14);
  });

  it('Gauss-Legendre with n nodes integrates degree 2n - 1 exactly, for n up to 64', () => {
    for (const n of [1, 4, 7, 20, 64]) {
      const q = gaussLegendre(n);
      expect(q.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Array.from(q.nodes).every((t, i) => t > 0 && t < 1 && (i === 0 || t > q.nodes[i - 1]))).toBe(true);
      const deg = 2 * n - 1;
      expect(integrate(q, (t) => t ** deg)).toBeCloseTo(1 / (deg + 1), 12);
      // ...and not degree 2n: the rule is Gauss, not something exact by accident.
      if (n > 1 && n <= 7) expect(Math.abs(integrate(q, (t) => t ** (deg + 1)) - 1 / (deg + 2))).toBeGreaterThan(1e-9);
    }
  });

  it('midpoint rule is exact for linear integrands and converges as 1/n^2', () => {
    expect(integrate(riemannMidpoint(3), (t) => 2 * t + 1)).toBeCloseTo(2, 14);
    const e10 = Math.abs(integrate(riemannMidpoint(10), Math.exp) - (Math.E - 1));
    const e20 = Math.abs(integrate(riemannMidpoint(20), Math.exp) - (Math.E - 1));
    expect(e10 / e20).toBeCloseTo(4, 1);
    expect(() => riemannMidpoint(0)).toThrow(RangeError);
  });
});
