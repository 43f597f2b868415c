/**
 * Cronbach's alpha (Cronbach 1951), internal consistency of k items measured on the same observations:
 *   alpha = k/(k - 1) * (1 - sum_i var(item_i) / var(sum_i item_i)),
 * with sample variances (the n - 1 cancels). `standardised` first turns every item into z-scores, which
 * gives the standardised alpha k*r/(1 + (k - 1)*r) of the mean inter-item correlation r: the form to use
 * when the items live on different scales (metrics do), so no item weighs more for its units.
 */

export interface CronbachResult {
  readonly alpha: number;
  readonly items: number;
  readonly observations: number;
}

function variance(v: readonly number[]): number {
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
}

/**
 * `items[i][o]`: item i on observation o, every item on the same observations, no missing values.
 * Throws a RangeError naming what makes alpha undefined (fewer than 2 items or observations, an item
 * without variance when standardising, a total without variance).
 */
export function cronbachAlpha(items: readonly (readonly number[])[], opts: { readonly standardised?: boolean } = {}): CronbachResult {
  const k = items.length;
  if (k < 2) throw new RangeError(`cronbachAlpha: needs at least 2 items, got ${k}`);
  const n = items[0].length;
  for (const it of items) if (it.length !== n) throw new RangeError('cronbachAlpha: every item needs one value per observation');
  if (n < 2) throw new RangeError(`cronbachAlpha: needs at least 2 observations, got ${n}`);
  for (const it of items) for (const v of it) if (!Number.isFinite(v)) throw new RangeError(`cronbachAlpha: value ${v} is not finite`);
  let data = items;
  if (opts.standardised) {
    data = items.map((it, i) => {
      const sd = Math.sqrt(variance(it));
      if (!(sd > 0)) throw new RangeError(`cronbachAlpha: item ${i} is constant, so it cannot be standardised`);
      const m = it.reduce((s, x) => s + x, 0) / n;
      return it.map((x) => (x - m) / sd);
    });
  }
  const itemVariances = data.reduce((s, it) => s + variance(it), 0);
  const totals = Array.from({ length: n }, (_, o) => data.reduce((s, it) => s + it[o], 0));
  const total = variance(totals);
  if (!(total > 0)) throw new RangeError('cronbachAlpha: the item totals are constant, so alpha is undefined');
  // alpha <= 1 always (var of a sum <= k * sum of vars); guard the last digit.
  return { alpha: Math.min(1, (k / (k - 1)) * (1 - itemVariances / total)), items: k, observations: n };
}
