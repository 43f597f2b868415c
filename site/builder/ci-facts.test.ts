/**
 * What `ci` can detect against the committed baselines: the quick baseline's numbers as README's worked
 * example states them (8 inputs: smallest p 2/2^8 = 1/128, so at most 6 cells can pass Holm at 5%).
 */
import { describe, expect, it } from 'vitest';
import { ciFacts } from './ci-facts.js';

describe('ciFacts', () => {
  const facts = ciFacts();
  const quick = facts.baselines.find((b) => b.profile === 'quick')!;

  it('reads the quick baseline: 8 inputs per cell, p no smaller than 1/128, at most 6 cells that can pass', () => {
    expect(quick.samplesPerTask).toBe(8);
    expect(quick.samplesMax).toBe(8);
    expect(quick.samplesMin).toBeGreaterThan(0);
    expect(quick.smallestP).toBeCloseTo(1 / 128, 12);
    expect(quick.cellsThatCanPass).toBe(6);
    // An explainer has far more compared cells than that: no change in quality can be flagged.
    expect(quick.cellsMax).toBeGreaterThan(quick.cellsThatCanPass);
    expect(quick.explainers).toContain('gradient');
  });

  it('lists each metric tolerance, machine-dependent ones as not compared', () => {
    expect(facts.alpha).toBe(0.05);
    const seconds = facts.tolerances.find((t) => t.metric === 'seconds');
    expect(seconds?.tolerance).toBeNull();
    expect(facts.tolerances.every((t) => t.tolerance === null || t.tolerance >= 0)).toBe(true);
  });

  it('reads the standard baseline with more inputs than the exact test covers', () => {
    const standard = facts.baselines.find((b) => b.profile === 'standard');
    expect(standard?.samplesMax).toBeGreaterThan(20);
  });
});
