/**
 * Renders a set of generated samples as one PNG grid (example-based explanations): grey
 * images (black = 0, white = 1; values are clipped to [0, 1]), nearest-neighbour upscaled, separated
 * by a white gutter. An optional first tile (the query) gets a red frame so a reader knows what the
 * other tiles are compared with. The bytes depend only on the arguments (pngjs deflates deterministically).
 */
import { blankImage, encodePng } from './encode-png.js';

export interface SampleGridInput {
  /** n * h * w values (single channel, or channels averaged from h * w * c). */
  readonly images: ArrayLike<number>;
  readonly n: number;
  /** [h, w] or [h, w, c]. */
  readonly shape: readonly number[];
  readonly cols?: number;
  /** Upscaling factor (default 2). */
  readonly scale?: number;
  /** Frame the first tile in red (it is the query). */
  readonly highlightFirst?: boolean;
}

const GUTTER = 4;

export function renderSampleGridPng(o: SampleGridInput): Buffer {
  const [h, w, c = 1] = o.shape;
  if (o.shape.length < 2 || o.shape.length > 3) throw new RangeError(`cannot draw shape [${o.shape.join(', ')}] as a grid of pictures`);
  const size = h * w * c;
  if (o.images.length !== o.n * size) throw new RangeError(`images has ${o.images.length} values, expected ${o.n} x ${size}`);
  if (o.n < 1) throw new RangeError('a sample grid needs at least one image');
  const s = o.scale ?? 2;
  const cols = Math.min(o.cols ?? Math.ceil(Math.sqrt(o.n)), o.n);
  const rows = Math.ceil(o.n / cols);
  const tw = w * s;
  const th = h * s;
  const width = GUTTER + cols * (tw + GUTTER);
  const height = GUTTER + rows * (th + GUTTER);
  const png = blankImage(width, height);
  const set = (x: number, y: number, r: number, g: number, b: number) => {
    const i = (y * width + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
  };
  for (let k = 0; k < o.n; k++) {
    const x0 = GUTTER + (k % cols) * (tw + GUTTER);
    const y0 = GUTTER + Math.floor(k / cols) * (th + GUTTER);
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const p = k * size + (Math.floor(y / s) * w + Math.floor(x / s)) * c;
        let v = 0;
        for (let j = 0; j < c; j++) v += Number(o.images[p + j]);
        const g = Math.round(255 * Math.min(1, Math.max(0, v / c)));
        set(x0 + x, y0 + y, g, g, g);
      }
    }
    if (k === 0 && o.highlightFirst) {
      // A 2-pixel red frame in the gutter around the query tile.
      for (let x = x0 - 2; x < x0 + tw + 2; x++) for (const y of [y0 - 2, y0 - 1, y0 + th, y0 + th + 1]) set(x, y, 220, 30, 30);
      for (let y = y0 - 2; y < y0 + th + 2; y++) for (const x of [x0 - 2, x0 - 1, x0 + tw, x0 + tw + 1]) set(x, y, 220, 30, 30);
    }
  }
  return encodePng(png);
}
