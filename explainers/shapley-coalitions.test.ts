import { describe, expect, it } from 'vitest';
import { rngFor } from '../harness/rng.js';
import { sampleInto } from './shapley-coalitions.js';

describe('sampleInto', () => {
  it('draws exactly what rng.sample draws, leaving the stream in the same state', () => {
    const scratch = new Int32Array(64);
    for (const [n, k] of [[2, 1], [5, 3], [30, 7], [49, 24], [64, 64]]) {
      const a = rngFor(9, 'sample', n, k);
      const b = rngFor(9, 'sample', n, k);
      for (let rep = 0; rep < 5; rep++) {
        const want = a.sample(n, k);
        const got = Array.from(sampleInto(b, n, scratch.subarray(0, n)).subarray(0, k));
        expect(got).toEqual(want);
      }
      expect(b.nextUint32()).toBe(a.nextUint32());
    }
  });
});
