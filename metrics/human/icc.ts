/**
 * Intraclass correlations of Shrout & Fleiss (1979): the six forms ICC(1,1), ICC(2,1), ICC(3,1) and
 * their k-rater averages, with F tests and 95% intervals (McGraw & Wong 1996; ICC(2,k) bounds are the
 * Spearman-Brown transform of the ICC(2,1) bounds, as in psych and pingouin; R's irr differs there).
 * ROWS ARE TARGETS (subjects), COLUMNS ARE JUDGES; every judge rates every target.
 */
import { fCdf, fQuantile } from '../../numeric/f-distribution.js';

export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';

export interface IccEstimate {
  readonly form: IccForm;
  readonly value: number;
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
  readonly ci: readonly [number, number];
}

export interface IccResult {
  readonly targets: number;
  readonly judges: number;
  /** Mean squares: between targets, within targets, between judges, residual. */
  readonly BMS: number;
  readonly WMS: number;
  readonly JMS: number;
  readonly EMS: number;
  readonly forms: readonly IccEstimate[];
}

export function icc(x: readonly (readonly number[])[], level = 0.95): IccResult {
  const n = x.length;
  const k = n ? x[0].length : 0;
  if (n < 2 || k < 2) throw new RangeError(`icc: needs at least 2 targets and 2 judges, got ${n} x ${k}`);
  for (const row of x) {
    if (row.length !== k) throw new RangeError('icc: every target needs a rating from every judge');
    for (const v of row) if (!Number.isFinite(v)) throw new RangeError(`icc: rating ${v} is not finite`);
  }
  const grand = x.flat().reduce((s, v) => s + v, 0) / (n * k);
  const rowMeans = x.map((r) => r.reduce((s, v) => s + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => x.reduce((s, r) => s + r[j], 0) / n);
  let ssTotal = 0;
  for (const r of x) for (const v of r) ssTotal += (v - grand) ** 2;
  const ssRows = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssErr = ssTotal - ssRows - ssCols;
  const BMS = ssRows / (n - 1);
  const WMS = (ssTotal - ssRows) / (n * (k - 1));
  const JMS = ssCols / (k - 1);
  const EMS = ssErr / ((n - 1) * (k - 1));
  const a = (1 - level) / 2;
  const upperF = (d1: number, d2: number) => fQuantile(1 - a, d1, d2);

  const df1 = n - 1;
  const dfW = n * (k - 1);
  const dfE = (n - 1) * (k - 1);
  const F1 = BMS / WMS;
  const F3 = BMS / EMS;
  const p1 = 1 - fCdf(F1, df1, dfW);
  const p3 = 1 - fCdf(F3, df1, dfE);

  const icc11 = (BMS - WMS) / (BMS + (k - 1) * WMS);
  const icc21 = (BMS - EMS) / (BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n);
  const icc31 = (BMS - EMS) / (BMS + (k - 1) * EMS);
  const icc1k = (BMS - WMS) / BMS;
  const icc2k = (BMS - EMS) / (BMS + (JMS - EMS) / n);
  const icc3k = (BMS - EMS) / BMS;

  const FL1 = F1 / upperF(df1, dfW);
  const FU1 = F1 * upperF(dfW, df1);
  const FL3 = F3 / upperF(df1, dfE);
  const FU3 = F3 * upperF(dfE, df1);

  // ICC(2,1): Satterthwaite degrees of freedom for the denominator (McGraw & Wong 1996, Table 7).
  const r = icc21;
  const A = (k * r) / (n * (1 - r));
  const B = 1 + (k * r * (n - 1)) / (n * (1 - r));
  const v = (A * JMS + B * EMS) ** 2 / ((A * JMS) ** 2 / (k - 1) + (B * EMS) ** 2 / dfE);
  const Fs = upperF(df1, v);
  const Fss = upperF(v, df1);
  const lo2 = (n * (BMS - Fs * EMS)) / (Fs * (k * JMS + (k * n - k - n) * EMS) + n * BMS);
  const hi2 = (n * (Fss * BMS - EMS)) / (k * JMS + (k * n - k - n) * EMS + n * Fss * BMS);
  const sb = (L: number) => (L * k) / (1 + (k - 1) * L);

  const forms: IccEstimate[] = [
    { form: 'ICC(1,1)', value: icc11, F: F1, df1, df2: dfW, p: p1, ci: [(FL1 - 1) / (FL1 + k - 1), (FU1 - 1) / (FU1 + k - 1)] },
    { form: 'ICC(2,1)', value: icc21, F: F3, df1, df2: dfE, p: p3, ci: [lo2, hi2] },
    { form: 'ICC(3,1)', value: icc31, F: F3, df1, df2: dfE, p: p3, ci: [(FL3 - 1) / (FL3 + k - 1), (FU3 - 1) / (FU3 + k - 1)] },
    { form: 'ICC(1,k)', value: icc1k, F: F1, df1, df2: dfW, p: p1, ci: [1 - 1 / FL1, 1 - 1 / FU1] },
    { form: 'ICC(2,k)', value: icc2k, F: F3, df1, df2: dfE, p: p3, ci: [sb(lo2), sb(hi2)] },
    { form: 'ICC(3,k)', value: icc3k, F: F3, df1, df2: dfE, p: p3, ci: [1 - 1 / FL3, 1 - 1 / FU3] },
  ];
  return { targets: n, judges: k, BMS, WMS, JMS, EMS, forms };
}
