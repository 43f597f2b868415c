import { describe, expect, it } from 'vitest';
import { rngFor } from './rng.js';

describe('seeded streams', () => {
  it('are the same for the same key and unrelated for another', () => {
    const a = rngFor(1, 'task', 'x');
    const b = rngFor(1, 'task', 'x');
    const c = rngFor(1, 'task', 'y');
    const xa = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(xa);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(xa);
  });

  it('are the streams every committed result was drawn from (known answers of the field-based sfc32)', () => {
    const r = rngFor(42, 'known', 'answer');
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([927444135, 2392419063, 2021418224, 1486330110, 700894000, 1116690765]);
    const s = rngFor(0, 'x');
    for (let i = 0; i < 99994; i++) s.nextUint32();
    expect(s.nextUint32()).toBe(424772447);
  });

  it('sortedSample draws what sample draws, sorted, and leaves the stream where sample does', () => {
    for (const [n, k] of [[1, 1], [10, 3], [784, 157], [30, 30]]) {
      const a = rngFor(2, 'sorted', n, k);
      const b = rngFor(2, 'sorted', n, k);
      for (let rep = 0; rep < 4; rep++) {
        const want = a.sample(n, k).sort((x, y) => x - y);
        expect(Array.from(b.sortedSample(n, k))).toEqual(want);
      }
      expect(b.nextUint32()).toBe(a.nextUint32());
    }
    expect(() => rngFor(0, 'x').sortedSample(3, 4)).toThrow(/cannot draw 4 distinct items from 3/);
  });

  it('permutation and shuffle agree', () => {
    const a = rngFor(3, 'perm');
    const b = rngFor(3, 'perm');
    expect(a.permutation(40)).toEqual(b.shuffle(Array.from({ length: 40 }, (_, i) => i)));
  });
});
