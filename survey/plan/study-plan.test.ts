import { describe, expect, it } from 'vitest';
import { validate } from '../../core/schemas.js';
import { planStudy } from './study-plan.js';

const request = {
  methods: ['a', 'b'],
  effect: 0.1,
  agreement: 0,
  items: null,
  alpha: 0.05,
  power: 0.8,
  baseline: 0.5,
  ratersPerItem: 1,
  perRater: 24,
  controls: 2,
  groupSize: 12,
  sims: 200,
  seed: 0,
};

describe('survey plan', () => {
  it('reproduces the two-proportion normal approximation (one rater per item, no rater effect) within 10%', () => {
    // Fleiss (1981): n = (z_{1-a/2} sqrt(2 pbar qbar) + z_{1-b} sqrt(p1 q1 + p2 q2))^2 / (p2 - p1)^2, here 388 per method.
    const [p1, p2] = [0.5, 0.6];
    const bar = (p1 + p2) / 2;
    const n = ((1.959964 * Math.sqrt(2 * bar * (1 - bar)) + 0.841621 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2) / 0.01;
    expect(Math.ceil(n)).toBe(388);
    const plan = planStudy(request);
    const ssa = plan.rows.find((r) => r.criterion === 'ssa')!;
    expect(Math.abs(ssa.units! - n) / n).toBeLessThan(0.1);
    expect(ssa.power).toBeGreaterThanOrEqual(0.8);
    // Raters: n inputs x (2 methods + 2 controls) x 1 vote / 24 items a rater.
    expect(ssa.raters).toBe(Math.ceil((ssa.units! * 4) / 24));
    expect(plan.simulated).toBe(true);
    expect(validate('survey-plan', JSON.parse(JSON.stringify(plan)))).toEqual([]);
    expect(plan.note).toMatch(/never enters a leaderboard/);
  }, 120_000);

  it('reports power at a given size: low for a small difference, high for a large one', () => {
    const small = planStudy({ ...request, items: 60, ratersPerItem: 3, agreement: 0.6, sims: 100 });
    const ssa = small.rows.find((r) => r.criterion === 'ssa')!;
    expect(ssa.units).toBe(60);
    expect(ssa.power).toBeLessThan(0.5);
    const big = planStudy({ ...request, items: 60, ratersPerItem: 3, agreement: 0.6, effect: 0.4, sims: 100 });
    expect(big.rows[0].power).toBeGreaterThan(0.8);
  }, 120_000);
});
