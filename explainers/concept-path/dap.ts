/**
 * Direct Attribute Prediction (Lampert et al. 2009/2014) with continuous class signatures (docs/explainers.md,
 * DAP, soft version): log p(z|x) = sum_m log(s_zm p_m + (1 - s_zm)(1 - p_m)) - log(s_zm pi_m + (1 - s_zm)(1 - pi_m)),
 * p_m = p(a_m = 1 | x) from the attribute predictors and pi_m the attribute's prior on seen classes.
 * Each term is that attribute's evidence for the class, so the explanation reads them off directly.
 */

const EPS = 1e-3;
const clamp = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/** The per-attribute evidence terms of one class for one input. */
export function dapTerms(probs: ArrayLike<number>, signature: ArrayLike<number>, prior: ArrayLike<number>): Float64Array {
  const out = new Float64Array(probs.length);
  for (let m = 0; m < probs.length; m++) {
    const p = clamp(probs[m]);
    const s = signature[m];
    const q = clamp(prior[m]);
    out[m] = Math.log(s * p + (1 - s) * (1 - p)) - Math.log(s * q + (1 - s) * (1 - q));
  }
  return out;
}

export function dapScore(probs: ArrayLike<number>, signature: ArrayLike<number>, prior: ArrayLike<number>): number {
  return dapTerms(probs, signature, prior).reduce((a, b) => a + b, 0);
}
