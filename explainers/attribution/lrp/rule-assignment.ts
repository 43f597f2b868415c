/**
 * Which rule each linear layer gets. Precedence: the per-layer map `rules`, then a single `rule` for
 * every layer, then the composite (composite-registry.ts). Rule names are checked against the rule
 * registry (rule-registry.ts) and layer names against the model's Dense/Conv2D layers.
 */
import { UserError } from '../../../core/errors.js';
import { getComposite } from './composite-registry.js';
import type { LinearStep, Plan } from './plan.js';
import { type Rule, isRule, ruleNames } from './rule-registry.js';

/** Parses `name:rule,name:rule`, checking names against the model's Dense/Conv2D layers. */
function parseRuleMap(text: string, known: readonly string[]): Map<string, Rule> {
  const map = new Map<string, Rule>();
  if (text.trim() === '') return map;
  for (const part of text.split(',')) {
    const colon = part.lastIndexOf(':');
    const name = part.slice(0, colon).trim();
    const rule = part.slice(colon + 1).trim();
    if (colon <= 0 || name === '') throw new UserError(`--set lrp.rules: '${part}' is not layer:rule`);
    if (!known.includes(name)) {
      throw new UserError(
        `--set lrp.rules: no Dense or Conv2D layer named '${name}' in the model (layers with rules: ${known.join(', ')})`);
    }
    if (!isRule(rule)) {
      throw new UserError(`--set lrp.rules: unknown rule '${rule}' for layer '${name}' (rules: ${ruleNames().join(', ')})`);
    }
    if (map.has(name)) throw new UserError(`--set lrp.rules: layer '${name}' is given twice`);
    map.set(name, rule);
  }
  return map;
}

export interface RuleChoice {
  readonly composite: string;
  /** '' = use the composite. */
  readonly rule: string;
  /** Per-layer overrides, `name:rule,...`. */
  readonly rules: string;
}

/** The rule of every linear step, by layer name, in layer order. */
export function assignRules(plan: Plan, choice: RuleChoice): Map<string, Rule> {
  const linear = plan.steps.filter((s): s is LinearStep => s.kind === 'linear');
  if (choice.rule !== '' && !isRule(choice.rule)) {
    throw new UserError(`--set lrp.rule=${choice.rule}: expected one of ${ruleNames().join(', ')}`);
  }
  const overrides = parseRuleMap(choice.rules, linear.map((s) => s.name));
  const out = new Map<string, Rule>();
  linear.forEach((s, i) => {
    const base = choice.rule !== '' ? choice.rule : getComposite(choice.composite).ruleFor(s.op.kind, i === 0);
    out.set(s.name, overrides.get(s.name) ?? base);
  });
  return out;
}
