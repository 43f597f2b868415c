import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { binomial, sampleInto, shapleyCoalitions } from './shapley-coalitions.js';
import type { Rng } from '../../core/rng.js';

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

/**
 * shap's coalition choice written plainly, one set for all coalitions (string keys, rng.sample,
 * findIndex): the reference the shared enumerated part and the drawn-only set must reproduce exactly.
 */
function referenceCoalitions(m: number, budget: number, rng: Rng): { masks: number[][]; weights: number[] } {
  const n = Math.min(budget, 2 ** m - 2);
  const masks: number[][] = [];
  const weights: number[] = [];
  const index = new Map<string, number>();
  const add = (mask: number[], w: number): boolean => {
    const key = mask.join('');
    const at = index.get(key);
    if (at !== undefined) {
      weights[at] += w;
      return false;
    }
    index.set(key, masks.length);
    masks.push([...mask]);
    weights.push(w);
    return true;
  };
  const numSizes = Math.ceil((m - 1) / 2);
  const numPaired = Math.floor((m - 1) / 2);
  const wv = Array.from({ length: numSizes }, (_, i) => ((m - 1) / ((i + 1) * (m - i - 1))) * (i < numPaired ? 2 : 1));
  const wsum = wv.reduce((a, b) => a + b, 0);
  for (let i = 0; i < numSizes; i++) wv[i] /= wsum;
  let numFull = 0;
  let left = n;
  const remaining = [...wv];
  for (let size = 1; size <= numSizes; size++) {
    const paired = size <= numPaired;
    const nsubsets = binomial(m, size) * (paired ? 2 : 1);
    if ((left * remaining[size - 1]) / nsubsets < 1 - 1e-8) break;
    numFull++;
    left -= nsubsets;
    if (remaining[size - 1] < 1) {
      const scale = 1 - remaining[size - 1];
      for (let i = 0; i < numSizes; i++) remaining[i] /= scale;
    }
    const w = wv[size - 1] / binomial(m, size) / (paired ? 2 : 1);
    const visit = (start: number, chosen: number[]): void => {
      if (chosen.length === size) {
        const mask = Array.from({ length: m }, (_, i) => (chosen.includes(i) ? 1 : 0));
        add(mask, w);
        if (paired) add(mask.map((v) => 1 - v), w);
        return;
      }
      for (let i = start; i < m; i++) visit(i + 1, [...chosen, i]);
    };
    visit(0, []);
  }
  const fixed = masks.length;
  let samplesLeft = n - fixed;
  if (numFull !== numSizes && samplesLeft > 0) {
    const probs = wv.slice(numFull).map((v, i) => (numFull + i < numPaired ? v / 2 : v));
    const psum = probs.reduce((a, b) => a + b, 0);
    const cumulative: number[] = [];
    probs.reduce((acc, v) => (cumulative.push((acc + v) / psum), acc + v), 0);
    for (let d = 0; d < 4 * (n - fixed) && samplesLeft > 0; d++) {
      const u = rng.next();
      let s = cumulative.findIndex((c) => u < c);
      if (s < 0) s = cumulative.length - 1;
      const size = s + numFull + 1;
      const picked = rng.sample(m, m).slice(0, size);
      const mask = Array.from({ length: m }, (_, i) => (picked.includes(i) ? 1 : 0));
      if (add(mask, 1)) samplesLeft--;
      if (samplesLeft > 0 && size <= numPaired && add(mask.map((v) => 1 - v), 1)) samplesLeft--;
    }
    const weightLeft = wv.slice(numFull).reduce((a, b) => a + b, 0);
    let drawn = 0;
    for (let i = fixed; i < weights.length; i++) drawn += weights[i];
    for (let i = fixed; i < weights.length; i++) weights[i] *= weightLeft / drawn;
  }
  return { masks, weights };
}

describe('shapleyCoalitions', () => {
  it('gives exactly what one plain set of all coalitions gives, for enumerated and drawn sizes', () => {
    for (const [m, budget] of [[2, 10], [3, 6], [5, 30], [8, 40], [8, 100], [10, 1022], [12, 200], [30, 400], [30, 2108]]) {
      for (const seed of [0, 1]) {
        const got = shapleyCoalitions(m, budget, rngFor(seed, 'ref', m, budget));
        const want = referenceCoalitions(m, budget, rngFor(seed, 'ref', m, budget));
        expect(got.count).toBe(want.masks.length);
        expect(Array.from(got.masks)).toEqual(want.masks.flat());
        expect(Array.from(got.weights)).toEqual(want.weights);
      }
    }
  });

  it('shares the enumerated part between inputs and starts every input with it', () => {
    const a = shapleyCoalitions(30, 2108, rngFor(0, 'share', 'a'));
    const b = shapleyCoalitions(30, 2108, rngFor(0, 'share', 'b'));
    expect(a.enumerated).toBe(b.enumerated);
    expect(a.enumerated.count).toBe(60); // sizes 1 and 29
    expect(Array.from(a.masks.subarray(0, 60 * 30))).toEqual(Array.from(b.masks.subarray(0, 60 * 30)));
    expect(Array.from(a.masks.subarray(60 * 30))).not.toEqual(Array.from(b.masks.subarray(60 * 30)));
  });
});
