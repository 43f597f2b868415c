/**
 * Relevance through 2-D pooling layers (docs/explainers.md, LRP), channels last, any pool size, stride and
 * padding (windows may overlap):
 * - max pooling, winner-take-all: each window's relevance goes to the input(s) holding its maximum.
 *   Ties: `split` (default) shares it equally among tied maxima (lrp_toolbox's convention), so the
 *   result does not depend on the scan order; `first` gives all of it to the first maximum in row-major
 *   window order, the one the autograd gradient of max pooling picks, which is what zennit uses (its
 *   composites give MaxPool no rule, so the gradient passes);
 * - average pooling, proportional: R_i = a_i / Σ_window a · R_window (zennit/iNNvestigate "Norm").
 * Both are written as a loop over the kh·kw offsets inside a window: offset (di, dj) of every window
 * is one strided slice of the padded input, and its share is scattered back by the inverse placement.
 */
import * as tf from '@tensorflow/tfjs';

export interface PoolGeometry {
  readonly pool: [number, number];
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
}

interface Placement {
  readonly outH: number;
  readonly outW: number;
  readonly padTop: number;
  readonly padLeft: number;
  /** Height and width of the padded canvas every offset fits in. */
  readonly canvasH: number;
  readonly canvasW: number;
}

function axis(size: number, k: number, s: number, padding: 'valid' | 'same'): [out: number, before: number] {
  if (padding === 'valid') return [Math.floor((size - k) / s) + 1, 0];
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + k - size, 0);
  return [out, Math.floor(total / 2)]; // TensorFlow's 'same': the smaller half of the padding goes first
}

function placement(g: PoolGeometry, h: number, w: number): Placement {
  const [outH, padTop] = axis(h, g.pool[0], g.strides[0], g.padding);
  const [outW, padLeft] = axis(w, g.pool[1], g.strides[1], g.padding);
  const canvasH = Math.max(padTop + h, g.pool[0] - 1 + outH * g.strides[0]);
  const canvasW = Math.max(padLeft + w, g.pool[1] - 1 + outW * g.strides[1]);
  return { outH, outW, padTop, padLeft, canvasH, canvasW };
}

/** The value at offset (di, dj) of every window: [m, outH, outW, c]. */
function gatherOffset(padded: tf.Tensor4D, p: Placement, g: PoolGeometry, di: number, dj: number): tf.Tensor4D {
  const [m, , , c] = padded.shape;
  const end = [m, di + (p.outH - 1) * g.strides[0] + 1, dj + (p.outW - 1) * g.strides[1] + 1, c];
  return tf.stridedSlice(padded, [0, di, dj, 0], end, [1, g.strides[0], g.strides[1], 1]) as tf.Tensor4D;
}

/** The inverse of gatherOffset: places q [m, outH, outW, c] on the canvas at offset (di, dj). */
function placeOffset(q: tf.Tensor4D, p: Placement, g: PoolGeometry, di: number, dj: number): tf.Tensor4D {
  const [m, oh, ow, c] = q.shape;
  const [sh, sw] = g.strides;
  // Interleave zeros: [m, oh, 1, ow, 1, c] padded to [m, oh, sh, ow, sw, c] puts q at multiples of the stride.
  const spread = tf
    .pad(tf.reshape(q, [m, oh, 1, ow, 1, c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]])
    .reshape([m, oh * sh, ow * sw, c]);
  const h = Math.min(oh * sh, p.canvasH - di);
  const w = Math.min(ow * sw, p.canvasW - dj);
  const cropped = tf.slice(spread, [0, 0, 0, 0], [m, h, w, c]);
  return tf.pad(cropped, [[0, 0], [di, p.canvasH - di - h], [dj, p.canvasW - dj - w], [0, 0]]) as tf.Tensor4D;
}

function redistribute(
  a: tf.Tensor4D,
  g: PoolGeometry,
  padValue: number,
  shares: (gathered: tf.Tensor4D[]) => tf.Tensor4D[],
): tf.Tensor4D {
  const [m, h, w, c] = a.shape;
  const p = placement(g, h, w);
  const padded = tf.pad(a, [[0, 0], [p.padTop, p.canvasH - p.padTop - h], [p.padLeft, p.canvasW - p.padLeft - w], [0, 0]], padValue);
  const offsets: [number, number][] = [];
  for (let di = 0; di < g.pool[0]; di++) for (let dj = 0; dj < g.pool[1]; dj++) offsets.push([di, dj]);
  const gathered = offsets.map(([di, dj]) => gatherOffset(padded, p, g, di, dj));
  const q = shares(gathered);
  const canvas = tf.addN(q.map((qk, k) => placeOffset(qk, p, g, offsets[k][0], offsets[k][1])));
  return tf.slice(canvas, [0, p.padTop, p.padLeft, 0], [m, h, w, c]);
}

export type MaxPoolTies = 'split' | 'first';

/** Keeps only the first tie of each window (offsets are in row-major order): 1 − any earlier tie. */
function firstOnly(ties: tf.Tensor4D[]): tf.Tensor4D[] {
  let seen = tf.zerosLike(ties[0]) as tf.Tensor4D;
  return ties.map((t) => {
    const winner = tf.mul(t, tf.sub(1, seen)) as tf.Tensor4D;
    seen = tf.maximum(seen, t) as tf.Tensor4D;
    return winner;
  });
}

/** Winner-take-all; tied maxima share equally or the first takes all. `r` is the pooled output's relevance. */
export function maxPoolRelevance(a: tf.Tensor4D, r: tf.Tensor4D, g: PoolGeometry, ties: MaxPoolTies = 'split'): tf.Tensor4D {
  // Padding can never win: every window holds at least one real input.
  return redistribute(a, g, -3e38, (gathered) => {
    const max = gathered.reduce((acc, x) => tf.maximum(acc, x));
    const all = gathered.map((x) => tf.cast(tf.equal(x, max), 'float32') as tf.Tensor4D);
    const winners = ties === 'first' ? firstOnly(all) : all;
    const perWinner = tf.divNoNan(r, tf.addN(winners));
    return winners.map((t) => tf.mul(t, perWinner) as tf.Tensor4D);
  });
}

/** Proportional to the inputs' share of the window sum (zero padding adds nothing). */
export function avgPoolRelevance(a: tf.Tensor4D, r: tf.Tensor4D, g: PoolGeometry): tf.Tensor4D {
  return redistribute(a, g, 0, (gathered) => {
    const s = tf.divNoNan(r, tf.addN(gathered));
    return gathered.map((x) => tf.mul(x, s) as tf.Tensor4D);
  });
}
