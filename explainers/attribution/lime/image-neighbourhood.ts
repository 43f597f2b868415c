/**
 * LIME's image neighbourhood (LimeImageExplainer.data_labels): each segment is switched on with
 * probability 1/2 independently (row 0: all on, the image itself), and every pixel of an "off" segment
 * takes the value of the "fudged" image, which is either each segment's own mean per channel
 * (hide_color=None, the reference default) or one value everywhere.
 */
import type { Rng } from '../../../core/rng.js';

/** The image every hidden pixel is taken from: per-segment channel means, or a constant. */
export function fudgedImage(x: ArrayLike<number>, pixels: readonly Int32Array[], channels: number, hide: 'mean' | number): Float32Array {
  const out = new Float32Array(x.length);
  if (hide !== 'mean') return out.fill(hide);
  for (const px of pixels) {
    for (let ch = 0; ch < channels; ch++) {
      let s = 0;
      for (const p of px) s += x[p * channels + ch];
      const mean = s / px.length;
      for (const p of px) out[p * channels + ch] = mean;
    }
  }
  return out;
}

/** rows x features 0/1 matrix, each entry on with probability 1/2, row 0 all ones. */
export function randomMasks(rows: number, features: number, rng: Rng): Uint8Array {
  const m = new Uint8Array(rows * features);
  m.fill(1, 0, Math.min(rows, 1) * features);
  for (let i = features; i < m.length; i++) m[i] = rng.nextUint32() >>> 31;
  return m;
}

/** Writes the perturbed images of `masks` into `out` (rows x image size). */
export function fillPerturbed(
  out: Float32Array,
  x: Float32Array,
  fudged: Float32Array,
  pixels: readonly Int32Array[],
  channels: number,
  masks: Uint8Array,
  rows: number,
): void {
  const d = x.length;
  const f = pixels.length;
  for (let i = 0; i < rows; i++) {
    const base = i * d;
    out.set(x, base);
    for (let j = 0; j < f; j++) {
      if (masks[i * f + j]) continue;
      const px = pixels[j];
      for (let e = 0; e < px.length; e++) {
        const at = px[e] * channels;
        for (let ch = 0; ch < channels; ch++) out[base + at + ch] = fudged[at + ch];
      }
    }
  }
}
