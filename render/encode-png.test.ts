import { PNG } from 'pngjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankImage, encodePng } from './encode-png.js';
import { renderHeatmapPng } from './heatmap-png.js';
import { renderImageGridPng } from './image-grid-png.js';

function checkerboard(width: number, height: number, alpha = 255) {
  const image = blankImage(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      image.data[i] = (x + y) % 2 ? 0 : 255;
      image.data[i + 1] = x * 10;
      image.data[i + 2] = y * 20;
      image.data[i + 3] = alpha;
    }
  return image;
}

describe('encodePng', () => {
  afterEach(() => vi.restoreAllMocks());

  it('round-trips opaque pixels in RGB, and transparency in RGBA', () => {
    const image = checkerboard(7, 5);
    const rgb = PNG.sync.read(encodePng(image));
    expect([rgb.width, rgb.height]).toEqual([7, 5]);
    const translucent = checkerboard(7, 5, 128);
    const rgba = PNG.sync.read(encodePng(translucent, 6));
    expect(Buffer.compare(rgba.data, translucent.data)).toBe(0);
    for (let i = 0; i < image.data.length; i += 4) {
      expect([...rgb.data.subarray(i, i + 3)]).toEqual([...image.data.subarray(i, i + 3)]);
      expect(rgb.data[i + 3]).toBe(255);
    }
  });

  it('refuses a buffer of the wrong size, naming the sizes', () => {
    expect(() => encodePng({ width: 3, height: 2, data: Buffer.alloc(20) })).toThrow('encodePng: 20 bytes for a 3x2 RGBA image');
  });

  it('queues nothing on process.nextTick, so pictures rendered without yielding are freed (was: 220 MB kept)', () => {
    const nextTick = vi.spyOn(process, 'nextTick');
    const input = Float32Array.from({ length: 16 }, (_, i) => i / 16);
    for (let k = 0; k < 20; k++) {
      encodePng(checkerboard(8, 8));
      renderHeatmapPng({ input, attribution: input.map((v) => v - 0.5), shape: [4, 4], scale: 10 });
      renderImageGridPng([input, input], [4, 4]);
    }
    expect(nextTick).not.toHaveBeenCalled();
  });
});
