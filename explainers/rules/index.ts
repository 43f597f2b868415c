/** The rules explainers, for the registry and for metrics that re-fit one (rule-stability). */
import { UserError } from '../../core/errors.js';
import type { StructuredExplainer } from '../types.js';
import { cartPedagogicalExplainer } from './cart-pedagogical.js';
import { c45PedagogicalExplainer } from './c45-pedagogical.js';
import { deepredExplainer } from './deepred.js';
import type { RulesGlobal, RulesSample, RulesState } from './rules-explanation.js';
import { trepanLiteExplainer } from './trepan-lite.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- each explainer has its own parameter types */
export const rulesExplainers: readonly StructuredExplainer<any, RulesState, RulesSample, RulesGlobal>[] = [
  deepredExplainer,
  c45PedagogicalExplainer,
  cartPedagogicalExplainer,
  trepanLiteExplainer,
];

export function getRulesExplainer(id: string): StructuredExplainer<any, RulesState, RulesSample, RulesGlobal> {
  const e = rulesExplainers.find((x) => x.id === id);
  if (!e) throw new UserError(`rules explainer '${id}': unknown (known: ${rulesExplainers.map((x) => x.id).join(', ')})`);
  return e;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
