// Simplification on hand-written DNFs.
import { describe, expect, it } from 'vitest';
import { type Term, clauseFires, simplifyClause, simplifyDnf, subsumes } from './dnf.js';

const gt = (feature: number, value: number): Term => ({ feature, op: '>', value });
const le = (feature: number, value: number): Term => ({ feature, op: '<=', value });

describe('simplifyClause', () => {
  it('keeps the tightest bound per feature and direction (x > 3 AND x > 5 is x > 5)', () => {
    expect(simplifyClause([gt(0, 3), gt(0, 5)])).toEqual([gt(0, 5)]);
    expect(simplifyClause([le(0, 3), le(0, 5)])).toEqual([le(0, 3)]);
    expect(simplifyClause([gt(1, 0), le(0, 2), gt(0, -1), le(0, 7)])).toEqual([le(0, 2), gt(0, -1), gt(1, 0)]);
  });
  it('returns null for unsatisfiable clauses (x > a AND x <= b with b <= a)', () => {
    expect(simplifyClause([gt(0, 5), le(0, 5)])).toBeNull();
    expect(simplifyClause([gt(0, 5), le(0, 4)])).toBeNull();
    expect(simplifyClause([gt(0, 4), le(0, 5)])).toEqual([le(0, 5), gt(0, 4)]);
  });
  it('never changes which inputs fire (random clauses, brute force on a grid)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 200; trial++) {
      const c = Array.from(
        { length: 1 + Math.floor(rand() * 5) },
        () => (rand() < 0.5 ? gt : le)(Math.floor(rand() * 2), Math.round(rand() * 10)),
      );
      const s = simplifyClause(c);
      for (let a = -1; a <= 11; a++) {
        for (let b = -1; b <= 11; b++) expect(s ? clauseFires(s, [a, b]) : false).toBe(clauseFires(c, [a, b]));
      }
    }
  });
});

describe('subsumption and simplifyDnf', () => {
  it('a clause with looser or fewer conditions subsumes a tighter one', () => {
    expect(subsumes([gt(0, 3)], [gt(0, 5), le(1, 1)])).toBe(true);
    expect(subsumes([gt(0, 5)], [gt(0, 3)])).toBe(false);
    expect(subsumes([gt(0, 3), le(1, 2)], [gt(0, 3)])).toBe(false);
    expect(subsumes([], [gt(0, 3)])).toBe(true);
  });
  it('drops unsatisfiable, duplicate and subsumed clauses and keeps the rest in order', () => {
    const dnf = [
      { terms: [gt(0, 5), le(1, 2)], id: 'a' }, // subsumed by c
      { terms: [gt(0, 1), le(0, 1)], id: 'b' }, // unsatisfiable
      { terms: [gt(0, 3)], id: 'c' },
      { terms: [le(2, 0), le(2, 4)], id: 'd' }, // reduces to x2 <= 0
      { terms: [le(2, 0)], id: 'e' }, // duplicate of d
      { terms: [le(0, 3), gt(1, 2)], id: 'f' },
    ];
    const out = simplifyDnf(dnf);
    expect(out.map((c) => c.id)).toEqual(['c', 'd', 'f']);
    expect(out[1].terms).toEqual([le(2, 0)]);
  });
  it('keeps the preferred of two identical clauses', () => {
    const out = simplifyDnf([{ terms: [gt(0, 1)], w: 0.2 }, { terms: [gt(0, 1)], w: 0.9 }], (a, b) => b.w - a.w);
    expect(out).toEqual([{ terms: [gt(0, 1)], w: 0.9 }]);
  });
});
