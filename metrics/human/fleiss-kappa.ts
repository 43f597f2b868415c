/**
 * Fleiss' kappa (Fleiss 1971) for N subjects each rated by the same number n of raters into k
 * categories, with the z test of kappa = 0 (Fleiss, Nee & Landis 1979; what R's irr prints) and the
 * category-wise kappas. ROWS ARE SUBJECTS: table[i][j] = raters who put subject i in category j.
 * With unequal numbers of raters per subject use Krippendorff's alpha instead.
 */
import { normalTwoSidedP } from '../../numeric/normal-distribution.js';

export interface FleissResult {
  readonly kappa: number;
  /** Mean observed agreement P̄ and chance agreement P̄_e. */
  readonly observed: number;
  readonly expected: number;
  readonly subjects: number;
  readonly raters: number;
  /** Standard error under kappa = 0, its z and two-sided p. */
  readonly se0: number;
  readonly z: number;
  readonly p: number;
  readonly categoryKappas: readonly number[];
}

export function fleissKappa(table: readonly (readonly number[])[]): FleissResult {
  const N = table.length;
  if (N === 0) throw new RangeError('fleissKappa: no subjects');
  const k = table[0].length;
  const n = table[0].reduce((s, x) => s + x, 0);
  for (const [i, row] of table.entries()) {
    if (row.length !== k) throw new RangeError(`fleissKappa: subject ${i} has ${row.length} categories, expected ${k}`);
    const ni = row.reduce((s, x) => s + x, 0);
    if (ni !== n) {
      throw new RangeError(`fleissKappa: subject ${i} has ${ni} ratings, expected ${n} (every subject needs the same number of raters)`);
    }
  }
  if (n < 2) throw new RangeError('fleissKappa: needs at least two raters per subject');
  const p = Array.from({ length: k }, (_, j) => table.reduce((s, row) => s + row[j], 0) / (N * n));
  const Pi = table.map((row) => (row.reduce((s, x) => s + x * x, 0) - n) / (n * (n - 1)));
  const observed = Pi.reduce((s, x) => s + x, 0) / N;
  const expected = p.reduce((s, x) => s + x * x, 0);
  const kappa = (observed - expected) / (1 - expected);
  const pq = p.map((pj) => pj * (1 - pj));
  const sumPq = pq.reduce((s, x) => s + x, 0);
  const se0 =
    (Math.SQRT2 / (sumPq * Math.sqrt(N * n * (n - 1)))) *
    Math.sqrt(sumPq * sumPq - pq.reduce((s, x, j) => s + x * (1 - p[j] - p[j]), 0));
  const z = kappa / se0;
  const categoryKappas = p.map((pj, j) => 1 - table.reduce((s, row) => s + row[j] * (n - row[j]), 0) / (N * n * (n - 1) * pj * (1 - pj)));
  return { kappa, observed, expected, subjects: N, raters: n, se0, z, p: normalTwoSidedP(z), categoryKappas };
}

/** The subjects x categories count table of `ratings[subject]` (each a list of category values). */
export function fleissTable(ratings: readonly (readonly number[])[], categories: readonly number[]): number[][] {
  const index = new Map(categories.map((c, j) => [c, j]));
  return ratings.map((vals) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const v of vals) {
      const j = index.get(v);
      if (j === undefined) throw new RangeError(`fleissTable: value ${v} is not among the categories`);
      row[j]++;
    }
    return row;
  });
}
