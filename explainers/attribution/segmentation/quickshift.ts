/**
 * Quickshift superpixels (Vedaldi & Soatto 2008) as scikit-image 0.19's quickshift computes them, the
 * default segmentation of LIME's image explainer:
 *   1. a grey (1-channel) image is repeated to RGB, as LIME does before segmenting; RGB goes to Lab
 *      (rgb-to-lab.ts); other channel counts are used as they are (skimage cannot convert them);
 *   2. optional Gaussian blur of `sigma` (gaussian-filter.ts), then colours times `ratio`;
 *   3. density of each pixel: tie-breaking noise N(0, 1e-5) plus the sum over the (2 kw + 1)^2 window,
 *      kw = ceil(3 kernelSize), clipped at borders, of exp(-(|dcolour|^2 + drow^2 + dcol^2) / (2 kernelSize^2));
 *   4. each pixel links to the closest (joint squared distance) window pixel of higher density, the
 *      first in scan order on ties; links longer than maxDist are cut;
 *   5. every pixel takes its tree's root; roots are numbered in ascending flat index (np.unique).
 * The noise comes from the caller's seeded stream (skimage's PCG64 stream cannot be reproduced), or is
 * injected, which is how the tests compare with scikit-image's own labels. Segments are the trees: they
 * are numbered 0..count-1 but need not be 4-connected (links jump up to kw pixels).
 */
import type { Rng } from '../../../core/rng.js';
import { gaussianFilter2d } from './gaussian-filter.js';
import { rgbToLab } from './rgb-to-lab.js';
import type { Segmentation } from './types.js';

export interface QuickshiftOptions {
  /** Width of the density kernel (skimage: 5; LIME: 4; LIME's MNIST tutorial: 1). Must be >= 1. */
  readonly kernelSize: number;
  /** Links longer than this (in the joint colour-space metric) are cut (LIME: 200). */
  readonly maxDist: number;
  /** Colour weight against space, in (0, 1] (LIME: 0.2). */
  readonly ratio: number;
  /** Gaussian pre-blur (skimage default 0: none). */
  readonly sigma?: number;
  /** Convert RGB (or grey repeated to RGB) to Lab first (skimage default true). */
  readonly convertToLab?: boolean;
}

/** Features per pixel after steps 1-2, pixel-major, and their count per pixel. */
function quickshiftFeatures(
  image: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
  o: QuickshiftOptions,
): { data: Float64Array; channels: number } {
  const n = height * width;
  if (image.length !== n * channels) throw new RangeError(`image has ${image.length} values, expected ${height}x${width}x${channels}`);
  let data: Float64Array;
  let ch = channels;
  if ((o.convertToLab ?? true) && (channels === 1 || channels === 3)) {
    const rgb = new Float64Array(n * 3);
    for (let p = 0; p < n; p++) for (let k = 0; k < 3; k++) rgb[p * 3 + k] = image[p * channels + (channels === 1 ? 0 : k)];
    data = rgbToLab(rgb);
    ch = 3;
  } else data = Float64Array.from(image);
  data = gaussianFilter2d(data, height, width, ch, o.sigma ?? 0);
  for (let i = 0; i < data.length; i++) data[i] *= o.ratio;
  return { data, channels: ch };
}

export function quickshiftSegments(
  image: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
  o: QuickshiftOptions,
  noise: Rng | ArrayLike<number>,
): Segmentation {
  if (!(o.kernelSize >= 1)) throw new RangeError(`quickshift kernelSize must be >= 1, got ${o.kernelSize}`);
  const n = height * width;
  const { data, channels: ch } = quickshiftFeatures(image, height, width, channels, o);
  const kw = Math.ceil(3 * o.kernelSize);
  const invKernel = -0.5 / (o.kernelSize * o.kernelSize);

  const density = new Float64Array(n);
  if ('next' in noise) for (let p = 0; p < n; p++) density[p] = 1e-5 * noise.normal();
  else {
    if (noise.length !== n) throw new RangeError(`quickshift noise has ${noise.length} values, expected ${n}`);
    for (let p = 0; p < n; p++) density[p] = noise[p];
  }
  const dist2 = (p: number, q: number, dr: number, dc: number): number => {
    let d = 0;
    for (let k = 0; k < ch; k++) {
      const t = data[p * ch + k] - data[q * ch + k];
      d += t * t;
    }
    return d + dr * dr + dc * dc;
  };
  for (let r = 0; r < height; r++) {
    const r0 = Math.max(r - kw, 0);
    const r1 = Math.min(r + kw + 1, height);
    for (let c = 0; c < width; c++) {
      const c0 = Math.max(c - kw, 0);
      const c1 = Math.min(c + kw + 1, width);
      const p = r * width + c;
      let s = density[p];
      for (let rr = r0; rr < r1; rr++) {
        for (let cc = c0; cc < c1; cc++) s += Math.exp(dist2(p, rr * width + cc, r - rr, c - cc) * invKernel);
      }
      density[p] = s;
    }
  }

  const parent = new Int32Array(n);
  for (let r = 0; r < height; r++) {
    const r0 = Math.max(r - kw, 0);
    const r1 = Math.min(r + kw + 1, height);
    for (let c = 0; c < width; c++) {
      const c0 = Math.max(c - kw, 0);
      const c1 = Math.min(c + kw + 1, width);
      const p = r * width + c;
      parent[p] = p;
      let closest = Infinity;
      for (let rr = r0; rr < r1; rr++) {
        for (let cc = c0; cc < c1; cc++) {
          const q = rr * width + cc;
          if (!(density[q] > density[p])) continue;
          const d = dist2(p, q, r - rr, c - cc);
          if (d < closest) {
            closest = d;
            parent[p] = q;
          }
        }
      }
      // Cut links longer than maxDist (a root's distance is +inf, so it stays its own parent).
      if (Math.sqrt(closest) > o.maxDist) parent[p] = p;
    }
  }

  return forestSegments(parent, height, width);
}

/** Flattens the forest of parent links, then numbers the roots in ascending flat index. */
function forestSegments(parent: Int32Array, height: number, width: number): Segmentation {
  const n = parent.length;
  const root = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    let q = p;
    while (parent[q] !== q) q = parent[q];
    root[p] = q;
  }
  const id = new Int32Array(n).fill(-1);
  let count = 0;
  for (let p = 0; p < n; p++) if (root[p] === p) id[p] = count++;
  const labels = Int32Array.from(root, (q) => id[q]);
  return { height, width, labels, count };
}
