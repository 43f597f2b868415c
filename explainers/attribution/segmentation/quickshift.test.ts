import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../../core/rng.js';
import { gaussianFilter2d, gaussianKernel } from './gaussian-filter.js';
import { quickshiftSegments } from './quickshift.js';
import { rgbToLab } from './rgb-to-lab.js';

interface Case {
  noise: number[];
  labels: number[];
  count: number;
  h: number;
  w: number;
}
const fixture = JSON.parse(readFileSync(new URL('./quickshift.fixture.json', import.meta.url), 'utf8')) as Record<string, Case>;

/** The images the fixture was computed on (same formulas as the Python that ran scikit-image). */
function greyA(): Float32Array {
  const img = new Float32Array(8 * 10);
  for (let r = 0; r < 8; r++) for (let c = 0; c < 10; c++) img[r * 10 + c] = (r - 3) ** 2 + (c - 3) ** 2 <= 5 ? 1 : c >= 7 ? 0.5 : 0;
  return img;
}
function rgbB(): Float32Array {
  const img = new Float32Array(9 * 9 * 3);
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      img.set([((r * 3 + c) % 5) / 4, r / 8, c / 8], (r * 9 + c) * 3);
    }
  }
  return img;
}
function mnistEight(): Float32Array {
  const require = createRequire(import.meta.url);
  const data = (JSON.parse(readFileSync(require.resolve('mnist/src/digits/8.json'), 'utf8')) as { data: number[] }).data;
  return Float32Array.from(data.slice(0, 784));
}

const DIGIT = { kernelSize: 1, maxDist: 200, ratio: 0.2 };

describe('quickshift (scikit-image 0.19.3 semantics)', () => {
  it.each([
    ['greyDigitSettings', greyA, 1, DIGIT],
    ['greyLimeDefault', greyA, 1, { kernelSize: 4, maxDist: 200, ratio: 0.2 }],
    ['rgbBlurCut', rgbB, 3, { kernelSize: 2, maxDist: 6, ratio: 0.5, sigma: 1 }],
    ['mnist8k1', mnistEight, 1, DIGIT],
    ['mnist8k4', mnistEight, 1, { kernelSize: 4, maxDist: 200, ratio: 0.2 }],
  ] as const)('reproduces scikit-image labels exactly on %s given its tie-break noise', (name, image, channels, o) => {
    const f = fixture[name];
    const s = quickshiftSegments(image(), f.h, f.w, channels, o, f.noise);
    expect(s.count).toBe(f.count);
    expect(Array.from(s.labels)).toEqual(f.labels);
  });

  it('works out a hand-checked case: a flat image is one tree, a 1-pixel-wide cut makes two', () => {
    // On a flat grey 3x3 image every window pixel has the same colour; the densest pixel is the centre
    // (most window neighbours at small distance), and every pixel links to a denser neighbour: one segment.
    const flat = quickshiftSegments(
      new Float32Array(9).fill(0.5),
      3,
      3,
      1,
      { kernelSize: 1, maxDist: 200, ratio: 0.2 },
      new Float64Array(9),
    );
    expect(flat.count).toBe(1);
    // Black left column, white right columns; with ratio 1 the Lab distance between them is 100, so a
    // maxDist of 10 cuts every link across: the left column and the rest are separate trees.
    const img = Float32Array.from([0, 1, 1, 0, 1, 1, 0, 1, 1]);
    const cut = quickshiftSegments(img, 3, 3, 1, { kernelSize: 1, maxDist: 10, ratio: 1 }, new Float64Array(9));
    expect(cut.count).toBe(2);
    expect(Array.from(cut.labels)).toEqual([0, 1, 1, 0, 1, 1, 0, 1, 1]);
  });

  it('numbers segments 0..count-1, is deterministic for a seed, and fewer segments come with a wider kernel', () => {
    const img = mnistEight();
    const a = quickshiftSegments(img, 28, 28, 1, DIGIT, rngFor(3, 'qs'));
    const b = quickshiftSegments(img, 28, 28, 1, DIGIT, rngFor(3, 'qs'));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(new Set(a.labels).size).toBe(a.count);
    expect(Math.max(...a.labels)).toBe(a.count - 1);
    const wide = quickshiftSegments(img, 28, 28, 1, { ...DIGIT, kernelSize: 4 }, rngFor(3, 'qs'));
    expect(wide.count).toBeLessThan(a.count);
  });

  it('converts grey to Lab with a = b = 0 and white to L = 100', () => {
    const lab = rgbToLab([1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0]);
    expect(lab[0]).toBeCloseTo(100, 4);
    expect(lab[6]).toBeCloseTo(0, 10);
    for (const k of [1, 2, 4, 5]) expect(Math.abs(lab[k])).toBeLessThan(0.01);
    expect(lab[3]).toBeCloseTo(53.389, 2); // L* of sRGB 0.5 grey
  });

  it("blurs with scipy's normalised kernel and reflect border", () => {
    const k = gaussianKernel(1);
    expect(k.length).toBe(9);
    expect(k.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    // A constant image is unchanged; an impulse spreads to the kernel, mirrored at the border.
    const c = gaussianFilter2d(new Float64Array(25).fill(2), 5, 5, 1, 1);
    c.forEach((v) => expect(v).toBeCloseTo(2, 12));
    const impulse = new Float64Array(1 * 9);
    impulse[4] = 1;
    const row = gaussianFilter2d(impulse, 1, 9, 1, 1);
    for (let j = 0; j < 9; j++) expect(row[j]).toBeCloseTo(k[j], 12);
    expect(Array.from(gaussianFilter2d(impulse, 1, 9, 1, 0))).toEqual(Array.from(impulse));
  });
});
