/**
 * Cohen's kappa for two raters, unweighted or with linear or quadratic disagreement weights
 * (Cohen 1960, 1968). ROWS OF THE TABLE ARE RATER A, columns rater B. With quadratic weights kappa is
 * essentially the two-way absolute-agreement ICC (Fleiss & Cohen 1973).
 */

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenResult {
  readonly kappa: number;
  readonly weights: KappaWeights;
  /** Observed and chance-expected weighted disagreement (agreement for 'none': p_o and p_e). */
  readonly observed: number;
  readonly expected: number;
  readonly n: number;
}

/** Kappa from a k x k table of counts (categories in their natural order, which weights use). */
export function cohenKappaFromTable(table: readonly (readonly number[])[], weights: KappaWeights = 'none'): CohenResult {
  const k = table.length;
  for (const row of table) if (row.length !== k) throw new RangeError('cohenKappa: the table must be square');
  const n = table.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  if (n === 0 || k < 2) throw new RangeError('cohenKappa: needs ratings in at least two categories');
  const rowM = table.map((row) => row.reduce((t, x) => t + x, 0) / n);
  const colM = Array.from({ length: k }, (_, j) => table.reduce((s, row) => s + row[j], 0) / n);
  const w = (i: number, j: number): number =>
    weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) / (k - 1) : ((i - j) / (k - 1)) ** 2;
  let obs = 0;
  let exp = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      obs += w(i, j) * (table[i][j] / n);
      exp += w(i, j) * rowM[i] * colM[j];
    }
  }
  if (exp === 0) throw new RangeError('cohenKappa: chance disagreement is 0 (both raters used one category), so kappa is undefined');
  const kappa = 1 - obs / exp;
  // Unweighted kappa reports agreement; the weighted forms report the disagreement they weigh.
  return weights === 'none'
    ? { kappa, weights, observed: 1 - obs, expected: 1 - exp, n }
    : { kappa, weights, observed: obs, expected: exp, n };
}

/**
 * Kappa of two aligned label vectors. `categories` fixes the order (needed for weights); by default
 * the sorted distinct values of both.
 */
export function cohenKappa(
  a: readonly number[],
  b: readonly number[],
  weights: KappaWeights = 'none',
  categories?: readonly number[],
): CohenResult {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} labels for rater A but ${b.length} for rater B`);
  const cats = categories ?? [...new Set([...a, ...b])].sort((x, y) => x - y);
  const index = new Map(cats.map((c, i) => [c, i]));
  const table = cats.map(() => new Array<number>(cats.length).fill(0));
  a.forEach((x, i) => {
    const r = index.get(x);
    const c = index.get(b[i]);
    if (r === undefined || c === undefined) {
      throw new RangeError(`cohenKappa: label ${r === undefined ? x : b[i]} is not among the categories`);
    }
    table[r][c]++;
  });
  return cohenKappaFromTable(table, weights);
}
