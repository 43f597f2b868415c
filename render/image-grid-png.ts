/**
 * Renders input pictures side by side as one PNG in grey (black = low, white = high), nearest-neighbour
 * upscaled, with a white gap between them: the input a rater is asked about, the training examples a
 * neighbour explanation shows, or an input next to its counterfactual. Inputs in [0, 1] are drawn as
 * they are; others are stretched from the min to the max over all pictures (so they stay comparable).
 */
import { blankImage, encodePng } from './encode-png.js';

export function renderImageGridPng(images: readonly ArrayLike<number>[], shape: readonly number[], cell = 112): Buffer {
  if (images.length === 0) throw new RangeError('renderImageGridPng: no images');
  const [h, w, c] = shape.length === 2 ? [shape[0], shape[1], 1] : shape.length === 3 ? [shape[0], shape[1], shape[2]] : [1, shape[0], 1];
  const scale = Math.max(1, Math.floor(cell / Math.max(h, w)));
  const gap = 8;
  let lo = Infinity;
  let hi = -Infinity;
  for (const im of images) {
    for (let k = 0; k < im.length; k++) {
      lo = Math.min(lo, im[k]);
      hi = Math.max(hi, im[k]);
    }
  }
  // Pixel values already in [0, 1] are shown as they are, not stretched to the batch's range.
  if (lo >= 0 && hi <= 1) {
    lo = 0;
    hi = 1;
  }
  const span = hi > lo ? hi - lo : 1;
  const png = blankImage(images.length * (w * scale + gap) + gap, h * scale + 2 * gap);
  images.forEach((im, n) => {
    const x0 = gap + n * (w * scale + gap);
    for (let r = 0; r < h; r++) {
      for (let col = 0; col < w; col++) {
        let v = 0;
        for (let ch = 0; ch < c; ch++) v += im[(r * w + col) * c + ch];
        const g = Math.round(255 * Math.min(1, Math.max(0, (v / c - lo) / span)));
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const o = ((gap + r * scale + dy) * png.width + x0 + col * scale + dx) * 4;
            png.data[o] = png.data[o + 1] = png.data[o + 2] = g;
            png.data[o + 3] = 255;
          }
        }
      }
    }
  });
  return encodePng(png, 6);
}
