/**
 * SLIC superpixels (Achanta et al., TPAMI 2012) for small images, following scikit-image's slic:
 * k-means in (intensity, row, col) restricted to a 2S x 2S window around each centre, with distance
 * D^2 = (d_intensity / compactness)^2 + (d_space / S)^2 where S = sqrt(pixels / nSegments), then
 * connectivity enforced (components smaller than half a nominal segment join an adjacent segment).
 *
 * Intensities (all channels) are first rescaled by the image's own range to [0, 1], so compactness means
 * the same for any input scaling; 0.1 plays the role of scikit-image's default 10 on Lab's 0-100 range.
 */
import type { Segmentation } from './types.js';

export interface SlicOptions {
  /** Approximate number of segments. */
  readonly nSegments: number;
  /** Larger = squarer segments, smaller = segments that follow intensity edges. */
  readonly compactness: number;
  readonly maxIterations?: number;
  /** Components below minSizeFactor * pixels / nSegments are merged into a neighbour (scikit-image: 0.5). */
  readonly minSizeFactor?: number;
}

/** The k-means centres: position (row, col at pixel centres) and colour, k of them, and the grid step S. */
interface Centres {
  readonly k: number;
  readonly step: number;
  readonly cy: Float64Array;
  readonly cx: Float64Array;
  readonly cc: Float64Array;
}

/** An image of `channels` channels, row-major, intensities range-normalised. */
interface Image {
  readonly img: Float64Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export function slicSegments(image: Float32Array, height: number, width: number, channels: number, o: SlicOptions): Segmentation {
  if (image.length !== height * width * channels) {
    throw new RangeError(`image has ${image.length} values, expected ${height}x${width}x${channels}`);
  }
  if (!Number.isInteger(o.nSegments) || o.nSegments < 1) throw new RangeError(`nSegments must be a positive integer, got ${o.nSegments}`);
  if (!(o.compactness > 0)) throw new RangeError(`compactness must be positive, got ${o.compactness}`);
  const n = height * width;
  const im: Image = { img: normalised(image), height, width, channels };
  const centres = gridCentres(im, o.nSegments);
  const label = new Int32Array(n);
  const dist = new Float64Array(n);
  for (let iter = 0; iter < (o.maxIterations ?? 10); iter++) {
    assignPixels(im, centres, o.compactness, label, dist);
    if (moveCentres(im, centres, label) < 1e-6) break;
  }
  const minSize = Math.floor((o.minSizeFactor ?? 0.5) * (n / centres.k));
  return enforceConnectivity(label, height, width, minSize);
}

/** Centres on a regular grid with about nSegments cells of the image's aspect ratio. */
function gridCentres({ img, height, width, channels }: Image, nSegments: number): Centres {
  const gy = Math.max(1, Math.min(height, Math.round(Math.sqrt((nSegments * height) / width))));
  const gx = Math.max(1, Math.min(width, Math.round(nSegments / gy)));
  const k = gy * gx;
  const step = Math.sqrt((height * width) / k);
  const cy = new Float64Array(k);
  const cx = new Float64Array(k);
  const cc = new Float64Array(k * channels);
  for (let a = 0; a < gy; a++) {
    for (let b = 0; b < gx; b++) {
      const j = a * gx + b;
      cy[j] = ((a + 0.5) * height) / gy;
      cx[j] = ((b + 0.5) * width) / gx;
      const p = Math.min(height - 1, Math.floor(cy[j])) * width + Math.min(width - 1, Math.floor(cx[j]));
      for (let ch = 0; ch < channels; ch++) cc[j * channels + ch] = img[p * channels + ch];
    }
  }
  return { k, step, cy, cx, cc };
}

/**
 * Labels each pixel with its nearest centre within the centre's 2S x 2S window, D^2 = (d_intensity /
 * compactness)^2 + (d_space / S)^2; pixels outside every window (centres can drift apart) go to their
 * nearest centre.
 */
function assignPixels(im: Image, centres: Centres, compactness: number, label: Int32Array, dist: Float64Array): void {
  const { img, height, width, channels } = im;
  const { k, step, cy, cx, cc } = centres;
  const invC2 = 1 / (compactness * compactness);
  const invS2 = 1 / (step * step);
  const radius = Math.ceil(2 * step);
  const distance = (j: number, p: number, r: number, c: number) => {
    let dc = 0;
    for (let ch = 0; ch < channels; ch++) dc += (img[p * channels + ch] - cc[j * channels + ch]) ** 2;
    return dc * invC2 + ((r - cy[j]) ** 2 + (c - cx[j]) ** 2) * invS2;
  };
  const offer = (j: number, p: number, r: number, c: number) => {
    const dd = distance(j, p, r + 0.5, c + 0.5);
    if (dd < dist[p]) {
      dist[p] = dd;
      label[p] = j;
    }
  };
  label.fill(-1);
  dist.fill(Infinity);
  for (let j = 0; j < k; j++) {
    const r0 = Math.max(0, Math.floor(cy[j] - radius));
    const r1 = Math.min(height - 1, Math.ceil(cy[j] + radius));
    const c0 = Math.max(0, Math.floor(cx[j] - radius));
    const c1 = Math.min(width - 1, Math.ceil(cx[j] + radius));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) offer(j, r * width + c, r, c);
  }
  for (let p = 0; p < height * width; p++) {
    if (label[p] >= 0) continue;
    for (let j = 0; j < k; j++) offer(j, p, Math.floor(p / width), p % width);
  }
}

/** Moves each centre to the mean of its pixels (one that lost all pixels stays); returns the largest move. */
function moveCentres({ img, height, width, channels }: Image, centres: Centres, label: Int32Array): number {
  const { k, cy, cx, cc } = centres;
  const count = new Float64Array(k);
  const sy = new Float64Array(k);
  const sx = new Float64Array(k);
  const sc = new Float64Array(k * channels);
  for (let p = 0; p < height * width; p++) {
    const j = label[p];
    count[j]++;
    sy[j] += Math.floor(p / width) + 0.5;
    sx[j] += (p % width) + 0.5;
    for (let ch = 0; ch < channels; ch++) sc[j * channels + ch] += img[p * channels + ch];
  }
  let moved = 0;
  for (let j = 0; j < k; j++) {
    if (count[j] === 0) continue;
    const ny = sy[j] / count[j];
    const nx = sx[j] / count[j];
    moved = Math.max(moved, Math.abs(ny - cy[j]), Math.abs(nx - cx[j]));
    cy[j] = ny;
    cx[j] = nx;
    for (let ch = 0; ch < channels; ch++) cc[j * channels + ch] = sc[j * channels + ch] / count[j];
  }
  return moved;
}

function normalised(image: Float32Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of image) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const range = hi - lo;
  const out = new Float64Array(image.length);
  if (range > 0) for (let i = 0; i < image.length; i++) out[i] = (image[i] - lo) / range;
  return out;
}

/**
 * Relabels 4-connected components in scan order; a component smaller than minSize joins the
 * already-numbered segment next to it (the union stays connected), as scikit-image does.
 */
export function enforceConnectivity(label: Int32Array, height: number, width: number, minSize: number): Segmentation {
  const n = height * width;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (out[start] !== -1) continue;
    // Collect the component (marked -2 while being collected).
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    out[start] = -2;
    let adjacent = -1;
    while (head < tail) {
      const p = queue[head++];
      const r = Math.floor(p / width);
      const c = p % width;
      const neighbours = [r > 0 ? p - width : -1, r < height - 1 ? p + width : -1, c > 0 ? p - 1 : -1, c < width - 1 ? p + 1 : -1];
      for (const q of neighbours) {
        if (q < 0) continue;
        if (out[q] >= 0) {
          if (adjacent < 0) adjacent = out[q];
        } else if (out[q] === -1 && label[q] === label[p]) {
          out[q] = -2;
          queue[tail++] = q;
        }
      }
    }
    const id = tail < minSize && adjacent >= 0 ? adjacent : next++;
    for (let i = 0; i < tail; i++) out[queue[i]] = id;
  }
  return { height, width, labels: out, count: next };
}
