/** zennit's EpsilonAlpha2Beta1: Conv2D α2β1, Dense ε. */
import type { LrpComposite } from './composite.js';

export const epsilonAlpha2Beta1: LrpComposite = {
  name: 'epsilon-alpha2beta1',
  ruleFor: (kind) => (kind === 'Conv2D' ? 'alpha2beta1' : 'epsilon'),
};
