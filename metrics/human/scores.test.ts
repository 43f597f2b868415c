/** Known answers for the score statistics: SSA, questionnaires, CPS, Bradley-Terry. */
import { describe, expect, it } from 'vitest';
import { bradleyTerry, centred, comparisonGraph } from './bradley-terry.js';
import { cpsSummary, exchangeTurns } from './cps.js';
import { findInstrument, INSTRUMENTS, scaleScore } from './questionnaires.js';
import { majority, ssaItemLabel, ssaMajority, ssaSoft, type SsaVote } from './ssa.js';

const v = (sensible: 0 | 1, specific: 0 | 1): SsaVote => ({ sensible, specific });

describe('SSA', () => {
  // A constructed check of the coupling rule: i2's third rater ticked specific after "not sensible".
  const items = [
    [v(1, 1), v(1, 1), v(1, 0)],
    [v(1, 0), v(1, 0), v(0, 1)],
    [v(0, 0), v(0, 0), v(1, 1)],
    [v(1, 1), v(0, 0), v(1, 1)],
  ];
  it('reproduces the constructed example: Sens 0.75, Spec 0.50, SSA 0.625; soft SSA 0.5417', () => {
    expect(ssaMajority(items)).toEqual({ sensibleness: 0.75, specificity: 0.5, ssa: 0.625, items: 4 });
    expect(ssaSoft(items).ssa).toBeCloseTo(0.5417, 4);
    expect(ssaSoft(items).sensibleness).toBeCloseTo(8 / 12, 12);
    expect(ssaSoft(items).specificity).toBeCloseTo(5 / 12, 12);
  });

  it('applies the coupling rule before voting, so an item is never specific without being sensible', () => {
    // Two raters say "not sensible but specific": coupled to 0, the item is not specific.
    expect(ssaItemLabel([v(0, 1), v(0, 1), v(1, 1)])).toEqual({ sensible: 0, specific: 0, tie: false });
    for (let mask = 0; mask < 64; mask++) {
      const votes = [0, 1, 2].map((r) => v(((mask >> (2 * r)) & 1) as 0 | 1, ((mask >> (2 * r + 1)) & 1) as 0 | 1));
      const l = ssaItemLabel(votes);
      expect(l.specific <= l.sensible).toBe(true);
    }
  });

  it('declares ties on even panels and resolves them by the rule (zero by default)', () => {
    expect(majority([1, 0])).toEqual({ label: 0, tie: true });
    expect(majority([1, 0], 'one')).toEqual({ label: 1, tie: true });
    expect(majority([1, 1, 0])).toEqual({ label: 1, tie: false });
  });

  it('does not depend on the order of items or raters', () => {
    const shuffled = [items[2], items[0], items[3], items[1]].map((vs) => [...vs].reverse());
    expect(ssaMajority(shuffled)).toEqual(ssaMajority(items));
    expect(ssaSoft(shuffled).ssa).toBeCloseTo(ssaSoft(items).ssa, 15);
  });
});

describe('questionnaires', () => {
  const answers = (ins: string, ver: string, f: (q: string) => number | null) => {
    const i = findInstrument(ins, ver)!;
    return scaleScore(i, new Map(i.questions.map((q) => [q, f(q)])));
  };

  it('keeps ESS 2018 (8 items) and 2023 (9 items) apart', () => {
    expect(findInstrument('ESS', '2018-8')!.questions).toHaveLength(8);
    expect(findInstrument('ESS', '2023-9')!.questions).toHaveLength(9);
    expect(new Set(INSTRUMENTS.map((i) => i.name)).size).toBe(INSTRUMENTS.length);
    // A 2018 answer sheet is incomplete as a 2023 sheet: no ESS-9, so no 2023 score.
    const i23 = findInstrument('ESS', '2023-9')!;
    expect(scaleScore(i23, new Map(findInstrument('ESS', '2018-8')!.questions.map((q) => [q, 4])))).toBeNull();
  });

  it('flips the reverse-keyed Trust item 6 (r -> 6 - r) and takes the mean', () => {
    expect(answers('TRUST', '2018-8', (q) => (q === 'TRUST-6' ? 2 : 4))).toBe(4);
    expect(answers('TRUST', '2018-8', (q) => (q === 'TRUST-6' ? 4 : 4))).toBe((7 * 4 + 2) / 8);
  });

  it('scores SCS as the sum over 50 (range 0.2..1) and ESS as the item mean', () => {
    expect(answers('SCS', '2020-10', () => 4)).toBe(0.8);
    expect(answers('SCS', '2020-10', () => 1)).toBe(0.2);
    expect(answers('ESS', '2018-8', (q) => Number(q.slice(4)) % 5 + 1)).toBe((2 + 3 + 4 + 5 + 1 + 2 + 3 + 4) / 8);
  });

  it('gives no score when any item is missing (never a subset average)', () => {
    expect(answers('ESS', '2018-8', (q) => (q === 'ESS-3' ? null : 5))).toBeNull();
    expect(() => answers('ESS', '2018-8', () => 6)).toThrow(/outside 1..5/);
  });
});

describe('CPS', () => {
  it('is the mean of turns per session, with the cap applied, median and p90', () => {
    const s = cpsSummary(
      [
        { user: 'u1', turns: 4 },
        { user: 'u1', turns: 6 },
        { user: 'u2', turns: 40 },
        { user: 'u3', turns: 2 },
      ],
      28,
    );
    expect(s.mean).toBe((4 + 6 + 28 + 2) / 4);
    expect(s.median).toBe(5);
    expect(s.p90).toBeCloseTo(6 + 0.7 * 22, 12);
    expect(s.capped).toBe(1);
    expect(s.users).toBe(3);
    expect(exchangeTurns(9, 10)).toBe(9);
  });
});

describe('Bradley-Terry (MM)', () => {
  // BradleyTerry2's baseball data (Agresti 2002 §10.6), home advantage ignored.
  const games: [string, string, number, number][] = [
    ['Milwaukee', 'Detroit', 4, 3], ['Milwaukee', 'Toronto', 4, 2], ['Milwaukee', 'New York', 4, 3], ['Milwaukee', 'Boston', 6, 1],
    ['Milwaukee', 'Cleveland', 4, 2], ['Milwaukee', 'Baltimore', 6, 0], ['Detroit', 'Milwaukee', 3, 3], ['Detroit', 'Toronto', 4, 2],
    ['Detroit', 'New York', 4, 3], ['Detroit', 'Boston', 6, 0], ['Detroit', 'Cleveland', 6, 1], ['Detroit', 'Baltimore', 4, 3],
    ['Toronto', 'Milwaukee', 2, 5], ['Toronto', 'Detroit', 4, 3], ['Toronto', 'New York', 2, 4], ['Toronto', 'Boston', 4, 3],
    ['Toronto', 'Cleveland', 4, 2], ['Toronto', 'Baltimore', 6, 0], ['New York', 'Milwaukee', 3, 3], ['New York', 'Detroit', 5, 1],
    ['New York', 'Toronto', 2, 5], ['New York', 'Boston', 4, 3], ['New York', 'Cleveland', 4, 2], ['New York', 'Baltimore', 6, 1],
    ['Boston', 'Milwaukee', 5, 1], ['Boston', 'Detroit', 2, 5], ['Boston', 'Toronto', 3, 3], ['Boston', 'New York', 4, 2],
    ['Boston', 'Cleveland', 5, 2], ['Boston', 'Baltimore', 6, 0], ['Cleveland', 'Milwaukee', 2, 5], ['Cleveland', 'Detroit', 3, 3],
    ['Cleveland', 'Toronto', 3, 4], ['Cleveland', 'New York', 4, 3], ['Cleveland', 'Boston', 4, 2], ['Cleveland', 'Baltimore', 2, 4],
    ['Baltimore', 'Milwaukee', 2, 5], ['Baltimore', 'Detroit', 1, 5], ['Baltimore', 'Toronto', 1, 6], ['Baltimore', 'New York', 2, 4],
    ['Baltimore', 'Boston', 1, 6], ['Baltimore', 'Cleveland', 3, 4],
  ];
  const teams = ['Baltimore', 'Boston', 'Cleveland', 'Detroit', 'Milwaukee', 'New York', 'Toronto'];
  const wins = teams.map(() => new Array<number>(teams.length).fill(0));
  for (const [h, a, hw, aw] of games) {
    wins[teams.indexOf(h)][teams.indexOf(a)] += hw;
    wins[teams.indexOf(a)][teams.indexOf(h)] += aw;
  }

  it("reproduces BradleyTerry2's estimates and standard errors (Baltimore = 0)", () => {
    const r = bradleyTerry(wins, { reference: 0 });
    expect(r.converged).toBe(true);
    const expected: Record<string, [number, number]> = {
      Boston: [1.1077, 0.3339], Cleveland: [0.6839, 0.3319], Detroit: [1.4364, 0.3396],
      Milwaukee: [1.5814, 0.3433], 'New York': [1.2476, 0.3359], Toronto: [1.2945, 0.3367],
    };
    for (const [team, [b, se]] of Object.entries(expected)) {
      expect(r.beta[teams.indexOf(team)]).toBeCloseTo(b, 4);
      expect(r.se[teams.indexOf(team)]).toBeCloseTo(se, 4);
    }
    expect(r.beta[0]).toBe(0);
    expect(r.se[0]).toBe(0);
  });

  it('gives the same differences whatever the reference, and centred strengths sum to 0', () => {
    const a = bradleyTerry(wins, { reference: 0 });
    const b = bradleyTerry(wins, { reference: 4 });
    for (let i = 0; i < teams.length; i++) expect(a.beta[i] - a.beta[3]).toBeCloseTo(b.beta[i] - b.beta[3], 8);
    // var(β_i − β_j) does not depend on the reference either.
    const vd = (r: typeof a, i: number, j: number) => r.covariance[i][i] + r.covariance[j][j] - 2 * r.covariance[i][j];
    expect(vd(a, 1, 2)).toBeCloseTo(vd(b, 1, 2), 8);
    const c = centred(a);
    expect(c.beta.reduce((s, x) => s + x, 0)).toBeCloseTo(0, 10);
    expect(c.covariance[1][1] + c.covariance[2][2] - 2 * c.covariance[1][2]).toBeCloseTo(vd(a, 1, 2), 8);
  });

  it('detects a graph that is not connected, and a method that never wins or never loses', () => {
    expect(comparisonGraph([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]).connected).toBe(false);
    const g = comparisonGraph([[0, 2, 1], [0, 0, 1], [0, 1, 0]]);
    expect(g).toEqual({ connected: true, stronglyConnected: false, neverWins: [], neverLoses: [0] });
    expect(() => bradleyTerry([[0, 2, 1], [0, 0, 1], [0, 1, 0]])).toThrow(/never win or never lose/);
    const fitted = bradleyTerry([[0, 2, 1], [0, 0, 1], [0, 1, 0]], { pseudoCount: 0.5 });
    expect(fitted.beta[1]).toBeLessThan(0);
  });

  it('counts a tie as half a win each way: all ties give equal strengths', () => {
    const r = bradleyTerry([[0, 1.5, 0.5], [1.5, 0, 2], [0.5, 2, 0]]);
    r.beta.forEach((b) => expect(b).toBeCloseTo(0, 8));
  });
});
