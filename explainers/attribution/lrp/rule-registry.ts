/**
 * The LRP rules by name: a map that the built-in rules (rules/) are registered in, in a fixed order,
 * and that a new rule joins with registerRule, without any switch to edit. The explainer's `rule` and
 * `rules` parameters and the composites name rules; every lookup goes through this map.
 */
import type * as tf from '@tensorflow/tfjs';
import { alpha1beta0Rule, alpha2beta1Rule, alphaBetaRule, zPlusRule } from './rules/alpha-beta.js';
import { flatRule, wSquareRule } from './rules/input-free.js';
import type { Bounds, LinearLayerInput, LrpRule, RuleSettings } from './rules/rule.js';
import { zBoxRule } from './rules/z-box.js';
import { epsilonRule, gammaRule, zeroRule } from './rules/z-rules.js';

export type { Bounds, LinearLayerInput, LrpRule, RuleSettings } from './rules/rule.js';

/** A rule's name: one registered here. */
export type Rule = string;

const registry = new Map<string, LrpRule>();

/** Adds a rule under its name; a name may be registered once. */
export function registerRule(rule: LrpRule): void {
  if (registry.has(rule.name)) throw new Error(`LRP rule '${rule.name}' is already registered`);
  registry.set(rule.name, rule);
}

const builtIn = [
  zeroRule,
  epsilonRule,
  gammaRule,
  alpha1beta0Rule,
  alpha2beta1Rule,
  alphaBetaRule,
  zPlusRule,
  wSquareRule,
  flatRule,
  zBoxRule,
];
builtIn.forEach(registerRule);

/** The built-in rules' names, in their documented order (the parameters' pattern and messages). */
export const RULES: readonly Rule[] = builtIn.map((r) => r.name);

export function isRule(name: string): boolean {
  return registry.has(name);
}

/** Every registered rule's name, built-in ones first. */
export function ruleNames(): Rule[] {
  return [...registry.keys()];
}

export function getRule(name: Rule): LrpRule {
  const rule = registry.get(name);
  if (!rule) throw new Error(`no LRP rule '${name}' (rules: ${ruleNames().join(', ')})`);
  return rule;
}

/** The relevance of a linear layer's inputs under the rule named `rule`. Call inside tf.tidy. */
export function linearRelevance(rule: Rule, l: LinearLayerInput, settings: RuleSettings, bounds: Bounds | null): tf.Tensor {
  return getRule(rule).relevance(l, settings, bounds);
}
