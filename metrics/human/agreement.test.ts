/**
 * Known answers for the agreement statistics, from the published worked examples (named at each
 * case below) and re-derived here, plus properties (perfect agreement, orientation).
 */
import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromTable } from './cohen-kappa.js';
import { fleissKappa, fleissTable } from './fleiss-kappa.js';
import { icc } from './icc.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';

const _ = null;
// Krippendorff (2011) 4 coders x 12 units, as in fast-krippendorff's tests and irr::kripp.alpha's help page.
const K4x12 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
// fast-krippendorff's 3 coders x 15 units (reliability_data).
const K3x15 = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

describe("Krippendorff's alpha (rows = raters, columns = units)", () => {
  it('reproduces Krippendorff 2011 at all four levels (0.743, 0.815, 0.849, 0.797)', () => {
    expect(krippendorffAlpha(K4x12, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(K4x12, 'ordinal').alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(K4x12, 'interval').alpha).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(K4x12, 'ratio').alpha).toBeCloseTo(0.797, 3);
    // 9 of the 12 units... all but unit 12 (one value) are pairable; n = 40 pairable values.
    expect(krippendorffAlpha(K4x12, 'nominal').pairableUnits).toBe(11);
    expect(krippendorffAlpha(K4x12, 'nominal').pairableValues).toBe(40);
  });

  it("reproduces fast-krippendorff's 3 x 15 fixtures (nominal 0.691358, interval 0.810845)", () => {
    expect(krippendorffAlpha(K3x15, 'nominal').alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(K3x15, 'interval').alpha).toBeCloseTo(0.810845, 6);
  });

  it('reproduces the string-label nominal fixture (0.722222) with labels coded as numbers', () => {
    const [pos, neg, neu] = [1, 2, 3];
    expect(krippendorffAlpha([[pos, neg, neu, _], [pos, neg, neu, pos], [pos, neg, pos, pos]], 'nominal').alpha).toBeCloseTo(0.722222, 6);
  });

  it("reproduces Krippendorff 2011's binary example of two coders (alpha = 0.095)", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha([a, b], 'nominal').alpha).toBeCloseTo(0.095, 3);
  });

  it('is 1 on perfect agreement at every level, including ratio data with zeros', () => {
    const perfect = [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(perfect, level).alpha).toBe(1);
    expect(krippendorffAlpha([[0, 1, 2], [0, 1, 2]], 'ratio').alpha).toBe(1);
  });

  it('does not depend on the order of raters or of units', () => {
    const raters = [K4x12[2], K4x12[0], K4x12[3], K4x12[1]];
    const perm = [5, 0, 11, 3, 8, 1, 10, 2, 7, 4, 9, 6];
    const units = K4x12.map((row) => perm.map((j) => row[j]));
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(raters, level).alpha).toBeCloseTo(krippendorffAlpha(K4x12, level).alpha, 12);
      expect(krippendorffAlpha(units, level).alpha).toBeCloseTo(krippendorffAlpha(K4x12, level).alpha, 12);
    }
  });

  it('gives a different number when the matrix is transposed (orientation matters)', () => {
    const t = K3x15[0].map((_v, u) => K3x15.map((row) => row[u]));
    expect(krippendorffAlpha(t, 'nominal').alpha).not.toBeCloseTo(0.691358, 3);
  });

  it('refuses data with one distinct value or no pairable unit', () => {
    expect(() => krippendorffAlpha([[1, 1], [1, 1]], 'nominal')).toThrow(/only one distinct value/);
    expect(() => krippendorffAlpha([[1, _], [_, 2]], 'nominal')).toThrow(/no unit has values from at least two raters/);
  });
});

describe("Fleiss' kappa (rows = subjects)", () => {
  // Fleiss (1971) as worked on Wikipedia "Fleiss' kappa": 10 subjects, 14 raters, 5 categories.
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it('reproduces the worked example: P̄ = 0.378, P̄e = 0.213, kappa = 0.210', () => {
    const r = fleissKappa(table);
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(r.kappa).toBeCloseTo(0.21, 3);
    expect(r.subjects).toBe(10);
    expect(r.raters).toBe(14);
  });

  it('is 1 on perfect agreement and invariant to the order of subjects', () => {
    expect(fleissKappa([[3, 0], [0, 3], [3, 0]]).kappa).toBe(1);
    expect(fleissKappa([...table].reverse()).kappa).toBeCloseTo(fleissKappa(table).kappa, 12);
  });

  it('builds its table from per-subject ratings and refuses unequal panels', () => {
    expect(fleissTable([[1, 1, 0], [0, 0, 0]], [0, 1])).toEqual([[1, 2], [3, 0]]);
    expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(/same number of raters/);
  });
});

describe("Cohen's kappa (rows = rater A)", () => {
  it('reproduces the Wikipedia examples (0.4 and 0.1304)', () => {
    expect(cohenKappaFromTable([[20, 5], [10, 15]]).kappa).toBeCloseTo(0.4, 12);
    expect(cohenKappaFromTable([[45, 15], [25, 15]]).kappa).toBeCloseTo(0.1304, 4);
  });

  it("reproduces scikit-learn's test_cohen_kappa fixtures (0.348; 0.8013, 0.9315; linear 0.9412, quadratic 0.9541)", () => {
    const rep = (v: number, n: number) => new Array<number>(n).fill(v);
    const y1 = [...rep(0, 40), ...rep(1, 60)];
    // Artstein & Poesio (2008) Table 1: [[20, 20], [10, 50]].
    const y2 = [...rep(0, 20), ...rep(1, 20), ...rep(0, 10), ...rep(1, 50)];
    expect(cohenKappa(y1, y2).kappa).toBeCloseTo(0.348, 3);
    // Artstein & Poesio Table 4.
    const z1 = [...rep(0, 46), ...rep(1, 44), ...rep(2, 10)];
    expect(cohenKappa(z1, [...rep(0, 52), ...rep(1, 32), ...rep(2, 16)]).kappa).toBeCloseTo(0.8013, 4);
    const z2 = [...rep(0, 50), ...rep(1, 40), ...rep(2, 10)];
    expect(cohenKappa(z1, z2).kappa).toBeCloseTo(0.9315, 4);
    expect(cohenKappa(z1, z2, 'linear').kappa).toBeCloseTo(0.9412, 4);
    expect(cohenKappa(z1, z2, 'quadratic').kappa).toBeCloseTo(0.9541, 4);
  });

  it('is symmetric in the raters and 1 on perfect agreement', () => {
    const a = [0, 1, 2, 2, 1, 0, 2];
    const b = [0, 2, 2, 1, 1, 0, 0];
    for (const w of ['none', 'linear', 'quadratic'] as const) expect(cohenKappa(a, b, w).kappa).toBeCloseTo(cohenKappa(b, a, w).kappa, 12);
    expect(cohenKappa(a, a, 'quadratic').kappa).toBe(1);
    expect(() => cohenKappa([1, 1], [1, 1])).toThrow(/at least two categories/);
    expect(() => cohenKappaFromTable([[5, 0], [0, 0]])).toThrow(/undefined/);
  });
});

describe('ICC (Shrout & Fleiss 1979; rows = targets, columns = judges)', () => {
  // Shrout & Fleiss (1979) Table 2: 6 targets rated by 4 judges.
  const sf = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  const r = icc(sf);
  const form = (f: string) => r.forms.find((x) => x.form === f)!;

  it('reproduces the published values .17 .29 .71 .44 .62 .91', () => {
    expect(form('ICC(1,1)').value).toBeCloseTo(0.17, 2);
    expect(form('ICC(2,1)').value).toBeCloseTo(0.29, 2);
    expect(form('ICC(3,1)').value).toBeCloseTo(0.71, 2);
    expect(form('ICC(1,k)').value).toBeCloseTo(0.44, 2);
    expect(form('ICC(2,k)').value).toBeCloseTo(0.62, 2);
    expect(form('ICC(3,k)').value).toBeCloseTo(0.91, 2);
  });

  it('reproduces the F tests and 95% intervals that psych::ICC prints for these data', () => {
    expect(form('ICC(1,1)').F).toBeCloseTo(1.795, 3);
    expect(form('ICC(3,1)').F).toBeCloseTo(11.027, 3);
    expect(form('ICC(3,1)').df2).toBe(15);
    expect(form('ICC(1,1)').ci[0]).toBeCloseTo(-0.133, 3);
    expect(form('ICC(1,1)').ci[1]).toBeCloseTo(0.72, 2);
    expect(form('ICC(2,1)').ci[0]).toBeCloseTo(0.019, 3);
    expect(form('ICC(2,1)').ci[1]).toBeCloseTo(0.76, 2);
    expect(form('ICC(3,1)').ci[0]).toBeCloseTo(0.342, 3);
    expect(form('ICC(3,1)').ci[1]).toBeCloseTo(0.95, 2);
    expect(form('ICC(1,k)').ci[0]).toBeCloseTo(-0.884, 3);
    expect(form('ICC(2,k)').ci[0]).toBeCloseTo(0.071, 3);
    expect(form('ICC(3,k)').ci[0]).toBeCloseTo(0.676, 3);
    expect(form('ICC(3,k)').ci[1]).toBeCloseTo(0.99, 2);
  });

  it('does not depend on the order of targets or judges', () => {
    const shuffled = [sf[3], sf[0], sf[5], sf[1], sf[4], sf[2]].map((row) => [row[2], row[0], row[3], row[1]]);
    const s = icc(shuffled);
    s.forms.forEach((f, i) => expect(f.value).toBeCloseTo(r.forms[i].value, 12));
  });
});
