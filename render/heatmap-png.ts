/**
 * Renders one attribution as a PNG: the input in grey on the left, the attribution heatmap beside it
 * (nearest-neighbour upscaled), and a colour bar labelled +max, 0, −max on the right.
 *
 * - Heatmap: the fixed diverging map of diverging-colour-map.ts, symmetric about 0, scaled per sample
 *   by max |attribution| (summed over channels first), which the colour bar states; an all-zero
 *   attribution is all white with scale 0.
 * - Input: grey, black = low, white = high. Inputs already in [0, 1] are drawn as they are; others are
 *   stretched from their own min to max.
 * - Shapes: [h, w], [h, w, c] (c = 3 is drawn in colour, other c as the channel mean) or [d] (one row).
 * The bytes depend only on the arguments (pngjs's deflate is deterministic).
 */
import { blankImage, encodePng } from './encode-png.js';
import { GLYPH_HEIGHT, drawText, formatScale, textWidth } from './bitmap-font.js';
import { divergingColour } from './diverging-colour-map.js';

export interface HeatmapInput {
  /** The input, h*w*c values, row-major, channels last. */
  readonly input: ArrayLike<number>;
  /** The attribution, shaped like the input. */
  readonly attribution: ArrayLike<number>;
  readonly shape: readonly number[];
  /** Upscaling factor; default fits the longer side to about 224 px. */
  readonly scale?: number;
}

export const MARGIN = 8;
const BAR_WIDTH = 16;
const FONT_SCALE = 2;

function grid(shape: readonly number[]): { h: number; w: number; c: number } {
  if (shape.length === 1) return { h: 1, w: shape[0], c: 1 };
  if (shape.length === 2) return { h: shape[0], w: shape[1], c: 1 };
  if (shape.length === 3) return { h: shape[0], w: shape[1], c: shape[2] };
  throw new RangeError(`cannot draw shape [${shape.join(', ')}] as a picture`);
}

/** Where things go in the picture (exported for tests). */
export function layoutOf(shape: readonly number[], scale?: number) {
  const { h, w } = grid(shape);
  const s = scale ?? Math.max(1, Math.floor(224 / Math.max(h, w)));
  const pw = w * s;
  const ph = Math.max(h * s, 3 * GLYPH_HEIGHT * FONT_SCALE + 8);
  const heatX = MARGIN + pw + MARGIN;
  const barX = heatX + pw + MARGIN;
  const labelX = barX + BAR_WIDTH + 4;
  return { s, pw, ph, inputX: MARGIN, heatX, barX, labelX, top: MARGIN };
}

export function renderHeatmapPng(o: HeatmapInput): Buffer {
  const { h, w, c } = grid(o.shape);
  const n = h * w * c;
  if (o.input.length !== n || o.attribution.length !== n) {
    throw new RangeError(
      `input (${o.input.length}) and attribution (${o.attribution.length}) must both have ${n} values for shape [${o.shape.join(', ')}]`,
    );
  }
  const L = layoutOf(o.shape, o.scale);
  // Per-pixel attribution (channels summed) and its scale.
  const heat = new Float64Array(h * w);
  for (let p = 0; p < h * w; p++) for (let k = 0; k < c; k++) heat[p] += Number(o.attribution[p * c + k]);
  const maxAbs = heat.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, Number(o.input[i]));
    hi = Math.max(hi, Number(o.input[i]));
  }
  if (lo >= 0 && hi <= 1) [lo, hi] = [0, 1];
  const grey = (v: number) => Math.round(255 * (hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0.5));

  const labels = [`+${formatScale(maxAbs)}`, '0', `-${formatScale(maxAbs)}`];
  const width = L.labelX + Math.max(...labels.map((t) => textWidth(t, FONT_SCALE))) + MARGIN;
  const height = L.top + L.ph + MARGIN;
  const png = blankImage(width, height);
  const set = (x: number, y: number, rgb: readonly number[]) => {
    const i = (y * width + x) * 4;
    png.data[i] = rgb[0];
    png.data[i + 1] = rgb[1];
    png.data[i + 2] = rgb[2];
    png.data[i + 3] = 255;
  };

  for (let y = 0; y < h * L.s; y++) {
    for (let x = 0; x < w * L.s; x++) {
      const p = Math.floor(y / L.s) * w + Math.floor(x / L.s);
      const rgb =
        c === 3
          ? [grey(Number(o.input[p * 3])), grey(Number(o.input[p * 3 + 1])), grey(Number(o.input[p * 3 + 2]))]
          : (() => {
              let m = 0;
              for (let k = 0; k < c; k++) m += Number(o.input[p * c + k]);
              const g = grey(m / c);
              return [g, g, g];
            })();
      set(L.inputX + x, L.top + y, rgb);
      set(L.heatX + x, L.top + y, divergingColour(maxAbs > 0 ? heat[p] / maxAbs : 0));
    }
  }
  // Colour bar: +1 at the top, −1 at the bottom, with a black frame.
  for (let y = 0; y < L.ph; y++) {
    const t = 1 - (2 * y) / Math.max(1, L.ph - 1);
    for (let x = 0; x < BAR_WIDTH; x++) {
      const frame = x === 0 || x === BAR_WIDTH - 1 || y === 0 || y === L.ph - 1;
      set(L.barX + x, L.top + y, frame ? [0, 0, 0] : divergingColour(t));
    }
  }
  const black = [0, 0, 0];
  const th = GLYPH_HEIGHT * FONT_SCALE;
  const ys = [L.top, L.top + Math.round((L.ph - th) / 2), L.top + L.ph - th];
  labels.forEach((t, i) => drawText(t, L.labelX, ys[i], FONT_SCALE, (x, y) => set(x, y, black)));
  return encodePng(png);
}
