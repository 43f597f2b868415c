/**
 * zennit's EpsilonGammaBox (Kohlbrenner et al. 2020, "Towards best practice in explaining neural
 * network decisions with LRP"): the first linear layer z^B(low, high), other Conv2D γ, Dense ε. zennit
 * applies ZBox to a first Conv; here the first linear layer of either kind gets it, so the composite
 * also fits MLPs.
 */
import type { LrpComposite } from './composite.js';

export const epsilonGammaBox: LrpComposite = {
  name: 'epsilon-gamma-box',
  ruleFor: (kind, first) => (first ? 'zbox' : kind === 'Conv2D' ? 'gamma' : 'epsilon'),
};
