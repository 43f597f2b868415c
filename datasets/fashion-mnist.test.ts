import { describe, expect, it } from 'vitest';
import { loadFashionMnist } from './fashion-mnist.js';

describe('fashion-mnist', () => {
  it('reads the standard test split and the 10k training subset, pixels in [0, 1], every class present', () => {
    const d = loadFashionMnist();
    expect(d.train.x.n).toBe(10_000);
    expect(d.test.x.n).toBe(10_000);
    expect(d.sampleShape).toEqual([28, 28, 1]);
    expect(d.classes).toHaveLength(10);
    // The standard test split holds 1,000 images of each class.
    const counts = new Array<number>(10).fill(0);
    for (const y of d.test.y) counts[y]++;
    expect(counts).toEqual(new Array<number>(10).fill(1000));
    const xs = d.test.x.data;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of xs) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect([lo, hi]).toEqual([0, 1]);
    expect(d.info.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
