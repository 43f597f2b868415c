/** L2 norms and relative changes (float64) for the stability metrics. */

export function l2(v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
}

/** ||a - b||_2, with a and b each scaled first (scales default to 1). */
export function l2Distance(a: ArrayLike<number>, b: ArrayLike<number>, scaleA = 1, scaleB = 1): number {
  if (a.length !== b.length) throw new RangeError(`l2Distance: lengths differ (${a.length} and ${b.length})`);
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const diff = a[k] * scaleA - b[k] * scaleB;
    s += diff * diff;
  }
  return Math.sqrt(s);
}

/** max |v|. */
export function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k]));
  return m;
}

export type RelativeKind = 'norm' | 'element';

/**
 * How much b differs from a, relative to a. `norm` (OpenXAI): ||a - b|| / ||a||, null when a is all zero.
 * `element` (Agarwal et al. 2022 as Quantus): ||(a - b) / a|| element-wise, where a zero a_j divides by
 * `eps` instead.
 */
export function relativeChange(a: ArrayLike<number>, b: ArrayLike<number>, kind: RelativeKind, eps: number): number | null {
  if (kind === 'norm') {
    const n = l2(a);
    return n > 0 ? l2Distance(a, b) / n : null;
  }
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const r = (a[k] - b[k]) / (a[k] === 0 ? eps : a[k]);
    s += r * r;
  }
  return Math.sqrt(s);
}
