/**
 * Calibrated stacking (Chao et al. 2016) for generalised zero-shot recognition: seen classes' scores
 * are lowered by a constant gamma before the argmax over seen and unseen classes. gamma is chosen on
 * held-out seen-class images only: the largest value that keeps `keepSeen` of them predicted as some
 * seen class, i.e. the (1 - keepSeen)-quantile of their margins (best seen score - best unseen score).
 */
import { quantile } from './novelty.js';

/** Row-wise argmax over `classes` of scores (n x 10 in digit order), seen classes lowered by gamma. */
export function stackedArgmax(
  scores: ArrayLike<number>,
  row: number,
  width: number,
  classes: readonly number[],
  seen: readonly number[],
  gamma: number,
): number {
  let best = -1;
  let bestScore = -Infinity;
  for (const c of classes) {
    const v = scores[row * width + c] - (seen.includes(c) ? gamma : 0);
    if (v > bestScore) {
      bestScore = v;
      best = c;
    }
  }
  return best;
}

export function chooseStackingConstant(
  scores: ArrayLike<number>,
  rows: readonly number[],
  width: number,
  seen: readonly number[],
  unseen: readonly number[],
  keepSeen: number,
): number {
  const best = (r: number, classes: readonly number[]) => Math.max(...classes.map((c) => scores[r * width + c]));
  const margins = rows.map((r) => best(r, seen) - best(r, unseen));
  return quantile(margins, 1 - keepSeen);
}
