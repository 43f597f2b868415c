/**
 * Power by simulation with the scorer's own statistics (survey/score-study.ts): per simulated study,
 * each method's score per unit, the paired sign-flip test (metrics/human/sign-flip.ts) of every pair
 * of methods, Holm's adjustment over the pairs (metrics/human/holm.ts); the study "tells the methods
 * apart" when the pair with the planned difference is significant at alpha. Units are made from
 * streams keyed by (simulation, unit), so a larger study extends a smaller one with the same data
 * (common random numbers: the power curve over sizes is smooth and the search below stable).
 */
import { rngFor } from '../../core/rng.js';
import { holm } from '../../metrics/human/holm.js';
import { signFlipTest } from '../../metrics/human/sign-flip.js';

export interface SimSettings {
  readonly seed: number;
  readonly sims: number;
  readonly alpha: number;
  /** Sign-flip resamples (the scorer uses 10000; fewer keep a plan quick, p is still valid). */
  readonly resamples: number;
  /** Exact sign-flip enumeration up to this many units (the scorer: 20). */
  readonly exactUpTo: number;
}

/**
 * One simulated study's scores: per method, the score of units 0..n-1, drawn from the stream of
 * (simulation, unit). Method 0 and method 1 carry the planned difference.
 */
export type StudyScores = (sim: number, n: number) => number[][];

/** Share of simulated studies in which methods 0 and 1 differ significantly after Holm over all pairs. */
export function power(scores: StudyScores, n: number, s: SimSettings, label: string): number {
  let hits = 0;
  for (let sim = 0; sim < s.sims; sim++) {
    const x = scores(sim, n);
    const p: number[] = [];
    let target = -1;
    for (let a = 0; a < x.length; a++) {
      for (let b = a + 1; b < x.length; b++) {
        if (a === 0 && b === 1) target = p.length;
        const d = x[a].map((v, i) => v - x[b][i]);
        const test = d.every((v) => v === 0)
          ? { p: 1 }
          : signFlipTest(d, { seed: s.seed, stream: ['survey-plan', label, sim, a, b], resamples: s.resamples, exactUpTo: s.exactUpTo });
        p.push(test.p);
      }
    }
    if (holm(p)[target] < s.alpha) hits++;
  }
  return hits / s.sims;
}

/**
 * The fewest units with power >= target: from `start` (a normal-approximation guess) doubling up or
 * halving down to a bracket, then bisection to within 2% (or 1 unit). Null when even `max` units fall short.
 */
export function fewestUnits(
  powerAt: (n: number) => number,
  target: number,
  start: number,
  max: number,
): { n: number; power: number } | null {
  const memo = new Map<number, number>();
  const at = (n: number) => memo.get(n) ?? (memo.set(n, powerAt(n)), memo.get(n)!);
  let hi = Math.max(2, Math.min(max, Math.round(start)));
  let lo = Math.max(1, Math.floor(hi / 2));
  while (at(hi) < target) {
    if (hi >= max) return null;
    lo = hi;
    hi = Math.min(max, hi * 2);
  }
  while (lo > 1 && at(lo) >= target) {
    hi = lo;
    lo = Math.max(1, Math.floor(lo / 2));
  }
  while (hi - lo > Math.max(1, Math.floor(hi * 0.02))) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid) >= target) hi = mid;
    else lo = mid;
  }
  return { n: hi, power: at(hi) };
}

/** A per-(simulation, unit) stream of the plan. */
export const unitRng = (seed: number, label: string, sim: number, unit: number) => rngFor(seed, 'survey-plan', label, 'unit', sim, unit);
