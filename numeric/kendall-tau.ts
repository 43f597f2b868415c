/**
 * Kendall's tau-b (Kendall 1945): the rank correlation that corrects for ties on either side, as
 * scipy.stats.kendalltau(variant='b') computes it:
 *   tau_b = (concordant - discordant) / sqrt((n0 - tiesX) * (n0 - tiesY)),
 * with n0 = n(n - 1)/2 and tiesX the pairs tied in x (pairs tied in both count in neither).
 * O(n^2): it ranks explainers, a few dozen at most.
 */

/** Null when either side is constant (the denominator is 0) or fewer than 2 pairs of values are given. */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`kendallTauB: lengths differ (${n} and ${y.length})`);
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0 && dy === 0) {
        tiesX++;
        tiesY++;
      } else if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const den = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
  if (!(den > 0)) return null;
  // Guard the last digit: |tau| cannot exceed 1.
  return Math.max(-1, Math.min(1, (concordant - discordant) / den));
}
