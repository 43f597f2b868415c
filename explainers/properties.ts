/**
 * The properties an explainer can claim (ExplainerBase.properties), the vocabulary of the functional
 * tests of `xai-bench axioms` (axioms/). Each is a promise from the literature:
 * - completeness: attributions sum to f(x) - f(reference) (Sundararajan et al. 2017; Shrikumar et al.
 *   2017's summation-to-delta; Shapley efficiency, Lundberg & Lee 2017);
 * - determinism: the same input gives the same explanation whatever the seed;
 * - dummy: a feature the model ignores gets zero (Shapley's null player);
 * - symmetry: two interchangeable features get equal shares;
 * - linearity: explaining a + b is explaining a plus explaining b;
 * - implementation-invariance: functionally equal networks get equal explanations (Sundararajan et al. 2017);
 * - input-shift-invariance: a constant input shift absorbed by the first bias changes nothing
 *   (Kindermans et al. 2017, "The (un)reliability of saliency methods");
 * - saturation: a feature that drives the output gets credit although the gradient at x is zero;
 * - target-sensitivity: explaining another class gives another explanation.
 */
export const PROPERTIES = [
  'completeness',
  'determinism',
  'dummy',
  'symmetry',
  'linearity',
  'implementation-invariance',
  'input-shift-invariance',
  'saturation',
  'target-sensitivity',
] as const;

export type Property = (typeof PROPERTIES)[number];
