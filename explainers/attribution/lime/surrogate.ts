/**
 * LIME's fitting stage (LimeBase.explain_instance_with_data): given the interpretable neighbourhood
 * (row 0 is the explained instance), the black box's output on it and the kernel weights, select
 * features and fit the final weighted ridge (alpha 1, with intercept). This is the whole of LIME that
 * does not depend on the data kind; the reference fixtures (surrogate.test.ts, numbers from marcotcr/lime) test it directly.
 */
import type { Matrix } from '../../../numeric/linalg.js';
import { type FeatureSelection, selectFeatures } from './feature-selection.js';
import { weightedMoments } from './weighted-moments.js';
import { predictLinear, weightedR2, weightedRidge } from './weighted-ridge.js';

export interface Surrogate {
  readonly intercept: number;
  /** (feature, weight) sorted by |weight| descending (stable), as the reference's local_exp. */
  readonly features: readonly { readonly feature: number; readonly weight: number }[];
  /** Weighted R^2 of the surrogate on the neighbourhood. */
  readonly score: number;
  /** The surrogate's prediction for row 0, the explained instance. */
  readonly localPrediction: number;
}

export function fitSurrogate(
  x: Matrix,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  o: { featureSelection: FeatureSelection; numFeatures: number; alpha?: number },
): Surrogate {
  if (x.rows === 0) throw new RangeError('LIME surrogate: empty neighbourhood');
  // One pass over the neighbourhood serves feature selection's fits and the final one.
  const moments = weightedMoments(x, y, w);
  const used = selectFeatures(o.featureSelection, x, y, w, o.numFeatures, moments);
  const fit = weightedRidge(x, y, w, o.alpha ?? 1, used, moments);
  const score = weightedR2(y, predictLinear(fit, x, used), w);
  let localPrediction = fit.intercept;
  used.forEach((f, j) => (localPrediction += fit.coef[j] * x.data[f]));
  const features = used.map((feature, j) => ({ feature, weight: fit.coef[j] }));
  features.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { intercept: fit.intercept, features, score, localPrediction };
}
