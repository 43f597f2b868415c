import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import { gridSegments } from './grid.js';
import { enforceConnectivity, slicSegments } from './slic.js';
import type { Segmentation } from './types.js';

/** Every label 0..count-1 is used and each label's pixels form one 4-connected component. */
function expectValidPartition(s: Segmentation): void {
  const seen = new Set(s.labels);
  expect(seen.size).toBe(s.count);
  expect(Math.min(...seen)).toBe(0);
  expect(Math.max(...seen)).toBe(s.count - 1);
  for (let l = 0; l < s.count; l++) {
    const pixels = [...s.labels.keys()].filter((p) => s.labels[p] === l);
    const reached = new Set([pixels[0]]);
    const stack = [pixels[0]];
    while (stack.length) {
      const p = stack.pop()!;
      const r = Math.floor(p / s.width);
      const c = p % s.width;
      for (const [rr, cc] of [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]]) {
        if (rr < 0 || cc < 0 || rr >= s.height || cc >= s.width) continue;
        const q = rr * s.width + cc;
        if (s.labels[q] === l && !reached.has(q)) {
          reached.add(q);
          stack.push(q);
        }
      }
    }
    expect(reached.size).toBe(pixels.length);
  }
}

describe('gridSegments', () => {
  it('cuts an image into cells, smaller at the edges', () => {
    const s = gridSegments(5, 6, 4);
    expect(s.count).toBe(4);
    expect(Array.from(s.labels.subarray(0, 6))).toEqual([0, 0, 0, 0, 1, 1]);
    expect(s.labels[4 * 6 + 5]).toBe(3);
    expectValidPartition(s);
    expect(() => gridSegments(4, 4, 0)).toThrow(RangeError);
  });
});

describe('slicSegments', () => {
  it('never lets a segment straddle a sharp intensity edge at low compactness', () => {
    const h = 12;
    const w = 12;
    const img = new Float32Array(h * w);
    // A bright diagonal half: grid cells would straddle it, SLIC must not.
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) img[r * w + c] = c > r ? 1 : 0;
    const s = slicSegments(img, h, w, 1, { nSegments: 9, compactness: 0.1 });
    expectValidPartition(s);
    expect(s.count).toBeGreaterThanOrEqual(4);
    for (let l = 0; l < s.count; l++) {
      const values = new Set([...s.labels.keys()].filter((p) => s.labels[p] === l).map((p) => img[p]));
      expect(values.size).toBe(1);
    }
  });

  it('gives compact, roughly equal segments on a flat image and connected ones on noise', () => {
    const flat = slicSegments(new Float32Array(16 * 16).fill(0.3), 16, 16, 1, { nSegments: 16, compactness: 0.1 });
    expectValidPartition(flat);
    expect(flat.count).toBe(16);
    const sizes = Array.from({ length: flat.count }, (_, l) => flat.labels.filter((v) => v === l).length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    const rng = rngFor(1, 'slic-noise');
    const noise = Float32Array.from({ length: 20 * 14 * 3 }, () => rng.next());
    const s = slicSegments(noise, 20, 14, 3, { nSegments: 12, compactness: 0.2 });
    expectValidPartition(s);
  });

  it('merges components below the minimum size into a neighbour', () => {
    // Label 1 appears as a big block and as one stray pixel inside label 0's area.
    const labels = Int32Array.from([0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const s = enforceConnectivity(labels, 4, 4, 2);
    expectValidPartition(s);
    expect(s.count).toBe(2);
    expect(s.labels[5]).toBe(s.labels[0]);
  });
});
