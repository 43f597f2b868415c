/** zennit's EpsilonPlusFlat: the first linear layer flat, other Conv2D z⁺, Dense ε. */
import type { LrpComposite } from './composite.js';

export const epsilonPlusFlat: LrpComposite = {
  name: 'epsilon-plus-flat',
  ruleFor: (kind, first) => (first ? 'flat' : kind === 'Conv2D' ? 'zplus' : 'epsilon'),
};
