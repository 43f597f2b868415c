/** What an LRP composite is: a rule for each linear layer, chosen from its kind and place in the model. */
import type { LinearOp } from '../linear-op.js';
import type { Rule } from '../rule-registry.js';

export interface LrpComposite {
  /** The value of `--set lrp.composite`. */
  readonly name: string;
  /** The rule of a linear layer of `kind`; `first` is true for the model's first linear layer. */
  ruleFor(kind: LinearOp['kind'], first: boolean): Rule;
}
