/** The rules explainers, for the registry and for metrics that re-fit one (rule-stability). */
import { UserError } from '../../core/errors.js';
import type { ParamSpecs } from '../../core/params.js';
import type { StructuredExplainer } from '../types.js';
import { cartPedagogicalExplainer } from './cart-pedagogical.js';
import { c45PedagogicalExplainer } from './c45-pedagogical.js';
import { deepredExplainer } from './deepred.js';
import type { RulesGlobal, RulesSample, RulesState } from './rules-explanation.js';
import { trepanLiteExplainer } from './trepan-lite.js';

/** A rules explainer, whatever its parameters: all keep a rule set as their fitted state. */
export type RulesExplainer = StructuredExplainer<ParamSpecs, RulesState, RulesSample, RulesGlobal>;

export const rulesExplainers: readonly RulesExplainer[] = [
  deepredExplainer,
  c45PedagogicalExplainer,
  cartPedagogicalExplainer,
  trepanLiteExplainer,
];

export function getRulesExplainer(id: string): RulesExplainer {
  const e = rulesExplainers.find((x) => x.id === id);
  if (!e) throw new UserError(`rules explainer '${id}': unknown (known: ${rulesExplainers.map((x) => x.id).join(', ')})`);
  return e;
}
