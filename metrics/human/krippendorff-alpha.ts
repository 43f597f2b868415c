/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") at the
 * nominal, ordinal, interval and ratio levels, with missing values.
 *
 * Orientation: ROWS ARE RATERS (coders), COLUMNS ARE UNITS, as in Krippendorff's paper and R's
 * irr::kripp.alpha. A transposed matrix silently gives a different number; Fleiss, Cohen and ICC in
 * this folder take rows = subjects instead.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface AlphaResult {
  readonly alpha: number;
  readonly level: AlphaLevel;
  /** Units with at least two values (the only ones that count). */
  readonly pairableUnits: number;
  /** Pairable values n (the total of the coincidence matrix). */
  readonly pairableValues: number;
  /** Observed and expected disagreement. */
  readonly observed: number;
  readonly expected: number;
}

/** `data[rater][unit]`, null where the rater gave no value. */
export function krippendorffAlpha(data: readonly (readonly (number | null)[])[], level: AlphaLevel): AlphaResult {
  const nUnits = data.length ? data[0].length : 0;
  if (data.some((row) => row.length !== nUnits)) throw new RangeError('krippendorffAlpha: every rater row must have one entry per unit');
  const units: number[][] = [];
  for (let u = 0; u < nUnits; u++) {
    const vals: number[] = [];
    for (const row of data) {
      const v = row[u];
      if (v === null) continue;
      if (!Number.isFinite(v)) throw new RangeError(`krippendorffAlpha: value ${v} is not finite`);
      vals.push(v);
    }
    if (vals.length >= 2) units.push(vals);
  }
  if (units.length === 0) throw new RangeError('krippendorffAlpha: no unit has values from at least two raters');
  const domain = [...new Set(units.flat())].sort((a, b) => a - b);
  if (domain.length < 2) {
    throw new RangeError('krippendorffAlpha: only one distinct value, so expected disagreement is 0 and alpha is undefined');
  }
  const index = new Map(domain.map((v, i) => [v, i]));
  const V = domain.length;
  // Coincidence matrix o_ck: ordered pairs of values within a unit, each unit weighted 1/(m_u - 1).
  const o = Array.from({ length: V }, () => new Float64Array(V));
  for (const vals of units) {
    const counts = new Float64Array(V);
    for (const v of vals) counts[index.get(v)!]++;
    const w = 1 / (vals.length - 1);
    for (let c = 0; c < V; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < V; k++) o[c][k] += counts[c] * (counts[k] - (c === k ? 1 : 0)) * w;
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta2 = (c: number, k: number): number => {
    const a = domain[c];
    const b = domain[k];
    switch (level) {
      case 'nominal':
        return c === k ? 0 : 1;
      case 'interval':
        return (a - b) ** 2;
      case 'ratio':
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      case 'ordinal': {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g];
        return (s - (nc[c] + nc[k]) / 2) ** 2;
      }
    }
  };
  let num = 0;
  let den = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const d = delta2(c, k);
      num += o[c][k] * d;
      den += nc[c] * nc[k] * d;
    }
  }
  const observed = num / n;
  const expected = den / (n * (n - 1));
  return { alpha: 1 - observed / expected, level, pairableUnits: units.length, pairableValues: n, observed, expected };
}
