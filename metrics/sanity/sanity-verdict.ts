/**
 * The pass/fail reading of a sanity check (Adebayo et al. 2018): an explanation passes when it is no
 * longer similar to the original once what it should depend on (the weights, the class) is changed,
 * i.e. when its similarity is below the declared threshold.
 */
import { num } from '../../core/params.js';
import type { MetricValue } from '../types.js';

export const SANITY_THRESHOLD = 0.5;

export const thresholdParam = num({
  default: SANITY_THRESHOLD,
  min: 0,
  max: 1,
  description:
    'a sample passes when its similarity is below this; the sanity similarities lie in [0, 1] and 0.5 sits halfway between unrelated (0) ' +
    'and identical (1) explanations',
});

/** true = passes, false = fails, null = no value to judge. */
export function sanityVerdicts(values: readonly MetricValue[], threshold: number): (boolean | null)[] {
  return values.map((v) => (typeof v === 'number' ? v < threshold : null));
}

/** Fraction of judged samples that pass; null when none could be judged. */
export function passRate(verdicts: readonly (boolean | null)[]): number | null {
  const judged = verdicts.filter((v): v is boolean => v !== null);
  return judged.length ? judged.filter((v) => v).length / judged.length : null;
}
