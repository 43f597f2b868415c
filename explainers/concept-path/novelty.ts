/**
 * Socher et al. (2013)'s Gaussian novelty detector: an isometric Gaussian per seen class around its
 * training points in the semantic space; an input's novelty is its negative log-likelihood under the
 * best-fitting seen Gaussian, and it is called unseen when that exceeds a threshold T. T is the
 * `quantile` of the novelty of held-out seen-class points (validation only, never test data).
 */

export interface GaussianNovelty {
  readonly means: readonly Float64Array[];
  readonly variances: readonly number[];
  readonly threshold: number;
}

export function fitClassGaussians(
  points: ArrayLike<number>,
  labels: ArrayLike<number>,
  width: number,
  classes: readonly number[],
): Pick<GaussianNovelty, 'means' | 'variances'> {
  const means = classes.map(() => new Float64Array(width));
  const counts = classes.map(() => 0);
  for (let i = 0; i < labels.length; i++) {
    const c = classes.indexOf(labels[i]);
    if (c < 0) continue;
    counts[c]++;
    for (let k = 0; k < width; k++) means[c][k] += points[i * width + k];
  }
  means.forEach((mu, c) => mu.forEach((_, k) => (mu[k] /= Math.max(1, counts[c]))));
  const sq = classes.map(() => 0);
  for (let i = 0; i < labels.length; i++) {
    const c = classes.indexOf(labels[i]);
    if (c < 0) continue;
    for (let k = 0; k < width; k++) sq[c] += (points[i * width + k] - means[c][k]) ** 2;
  }
  const variances = sq.map((s, c) => Math.max(1e-6, s / Math.max(1, counts[c] * width)));
  return { means, variances };
}

/** Negative log-likelihood under the most likely seen-class Gaussian. */
export function noveltyScore(g: Pick<GaussianNovelty, 'means' | 'variances'>, point: ArrayLike<number>): number {
  const width = point.length;
  let best = Infinity;
  g.means.forEach((mu, c) => {
    let d2 = 0;
    for (let k = 0; k < width; k++) d2 += (point[k] - mu[k]) ** 2;
    const nll = d2 / (2 * g.variances[c]) + (width / 2) * Math.log(2 * Math.PI * g.variances[c]);
    best = Math.min(best, nll);
  });
  return best;
}

/** The q-quantile (linear interpolation) of values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const s = [...values].sort((a, b) => a - b);
  const pos = Math.min(1, Math.max(0, q)) * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
