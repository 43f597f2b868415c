import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import { gridSegments } from '../segmentation/grid.js';
import { segmentPixels } from '../feature-groups.js';
import { fillPerturbed, fudgedImage, randomMasks } from './image-neighbourhood.js';

describe('LIME image neighbourhood', () => {
  // 2x4 RGB image, two 2x2 grid cells.
  const seg = gridSegments(2, 4, 2);
  const pixels = segmentPixels(seg);
  const x = Float32Array.from({ length: 2 * 4 * 3 }, (_, i) => i);

  it("fills hidden segments with the segment's own mean per channel, or a constant", () => {
    expect(pixels.map((p) => Array.from(p))).toEqual([[0, 1, 4, 5], [2, 3, 6, 7]]);
    const mean = fudgedImage(x, pixels, 3, 'mean');
    // Segment 0, channel 0: pixels 0, 1, 4, 5 hold 0, 3, 12, 15.
    expect(mean[0]).toBe(7.5);
    expect(mean[5 * 3 + 2]).toBe((2 + 5 + 14 + 17) / 4);
    expect(Array.from(fudgedImage(x, pixels, 3, -1)).every((v) => v === -1)).toBe(true);
  });

  it('draws on/off rows with p = 1/2 after an all-on first row, and paints only the off segments', () => {
    const m = randomMasks(2001, 5, rngFor(1, 'masks'));
    expect(Array.from(m.subarray(0, 5))).toEqual([1, 1, 1, 1, 1]);
    const on = m.subarray(5).reduce((s, v) => s + v, 0) / (2000 * 5);
    expect(Math.abs(on - 0.5)).toBeLessThan(0.02);
    expect(Array.from(randomMasks(30, 4, rngFor(1, 'a')))).not.toEqual(Array.from(randomMasks(30, 4, rngFor(2, 'a'))));

    const masks = Uint8Array.from([1, 1, 0, 1, 0, 0]);
    const out = new Float32Array(3 * x.length);
    const fudged = fudgedImage(x, pixels, 3, 0);
    fillPerturbed(out, x, fudged, pixels, 3, masks, 3);
    expect(Array.from(out.subarray(0, x.length))).toEqual(Array.from(x));
    const row1 = out.subarray(x.length, 2 * x.length);
    for (let p = 0; p < 8; p++) for (let ch = 0; ch < 3; ch++) expect(row1[p * 3 + ch]).toBe(seg.labels[p] === 0 ? 0 : x[p * 3 + ch]);
    expect(Array.from(out.subarray(2 * x.length)).every((v) => v === 0)).toBe(true);
  });
});
