import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { formatScale } from './bitmap-font.js';
import { divergingColour } from './diverging-colour-map.js';
import { MARGIN, layoutOf, renderHeatmapPng } from './heatmap-png.js';

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

// A 4x4 input; attribution: max positive at (0,0), zero at (1,1), max negative at (3,3), half at (0,3).
const shape = [4, 4, 1];
const input = Float32Array.from({ length: 16 }, (_, i) => i / 15);
const attribution = new Float32Array(16);
attribution[0] = 2;
attribution[15] = -2;
attribution[3] = 1;

describe('renderHeatmapPng', () => {
  const buf = renderHeatmapPng({ input, attribution, shape, scale: 10 });
  const png = PNG.sync.read(buf);
  const L = layoutOf(shape, 10);
  const centre = (x0: number, r: number, c: number) => [x0 + c * 10 + 5, L.top + r * 10 + 5] as const;

  it('has the input, the heatmap and the colour bar side by side', () => {
    expect(L.heatX).toBe(MARGIN + 40 + MARGIN);
    expect(png.height).toBe(MARGIN + 40 + MARGIN);
    expect(png.width).toBeGreaterThan(L.labelX);
  });

  it('draws the input in grey, black to white', () => {
    expect(pixel(png, ...centre(L.inputX, 0, 0))).toEqual([0, 0, 0]);
    expect(pixel(png, ...centre(L.inputX, 3, 3))).toEqual([255, 255, 255]);
    const g = Math.round((255 * 5) / 15);
    expect(pixel(png, ...centre(L.inputX, 1, 1))).toEqual([g, g, g]);
  });

  it('maps max positive to the red end, zero to white, max negative to the blue end', () => {
    expect(pixel(png, ...centre(L.heatX, 0, 0))).toEqual([178, 24, 43]);
    expect(pixel(png, ...centre(L.heatX, 1, 1))).toEqual([255, 255, 255]);
    expect(pixel(png, ...centre(L.heatX, 3, 3))).toEqual([33, 102, 172]);
    expect(pixel(png, ...centre(L.heatX, 0, 3))).toEqual([...divergingColour(0.5)]);
  });

  it('draws the colour bar from red (top) through white to blue (bottom)', () => {
    const x = L.barX + 8;
    expect(pixel(png, x, L.top + 1)).toEqual([...divergingColour(1 - 2 / (L.ph - 1))]);
    expect(pixel(png, x, L.top + L.ph - 2)).toEqual([...divergingColour(-1 + 2 / (L.ph - 1))]);
    const mid = pixel(png, x, L.top + Math.round((L.ph - 1) / 2));
    expect(mid.every((v) => v > 240)).toBe(true);
  });

  it('writes the scale as text (some black pixels right of the bar)', () => {
    let black = 0;
    for (let y = 0; y < png.height; y++) for (let x = L.labelX; x < png.width; x++) if (pixel(png, x, y).every((v) => v === 0)) black++;
    expect(black).toBeGreaterThan(20);
    expect(formatScale(2)).toBe('2');
    expect(formatScale(0.000123)).toBe('1.2e-4');
    expect(formatScale(0.456)).toBe('0.46');
  });

  it('is deterministic, byte for byte, and the default upscaling suits 28x28 and 8x8', () => {
    expect(renderHeatmapPng({ input, attribution, shape, scale: 10 }).equals(buf)).toBe(true);
    expect(layoutOf([28, 28, 1]).s).toBe(8);
    expect(layoutOf([8, 8]).s).toBe(28);
  });

  it('draws an all-zero attribution white and rejects mismatched sizes', () => {
    const zero = PNG.sync.read(renderHeatmapPng({ input, attribution: new Float32Array(16), shape, scale: 10 }));
    expect(pixel(zero, ...centre(L.heatX, 0, 0))).toEqual([255, 255, 255]);
    expect(() => renderHeatmapPng({ input, attribution: new Float32Array(3), shape })).toThrow(RangeError);
  });
});
