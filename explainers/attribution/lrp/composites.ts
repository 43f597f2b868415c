/**
 * Which rule each linear layer gets (methods.md §2.4). Precedence: the per-layer map `rules`, then a
 * single `rule` for every layer, then the composite. The composites follow zennit:
 * - epsilon-gamma-box:   first linear layer z^B(low, high), other Conv2D γ, Dense ε;
 * - epsilon-plus-flat:   first linear layer flat, other Conv2D z⁺, Dense ε;
 * - epsilon-alpha2beta1: Conv2D α2β1, Dense ε.
 * (zennit applies ZBox to a first Conv; here the first linear layer of either kind gets it, so the
 * composite also fits MLPs.) Pooling, reshapes and activations have no rule choice (plan.ts).
 */
import { UserError } from '../../../core/errors.js';
import type { LinearStep, Plan } from './plan.js';
import { RULES, type Rule, isRule } from './rules.js';

export const COMPOSITES = ['epsilon-gamma-box', 'epsilon-plus-flat', 'epsilon-alpha2beta1'] as const;
export type Composite = (typeof COMPOSITES)[number];

function compositeRule(composite: Composite, kind: LinearStep['op']['kind'], first: boolean): Rule {
  switch (composite) {
    case 'epsilon-gamma-box':
      return first ? 'zbox' : kind === 'Conv2D' ? 'gamma' : 'epsilon';
    case 'epsilon-plus-flat':
      return first ? 'flat' : kind === 'Conv2D' ? 'zplus' : 'epsilon';
    case 'epsilon-alpha2beta1':
      return kind === 'Conv2D' ? 'alpha2beta1' : 'epsilon';
  }
}

/** Parses `name:rule,name:rule`, checking names against the model's Dense/Conv2D layers. */
export function parseRuleMap(text: string, known: readonly string[]): Map<string, Rule> {
  const map = new Map<string, Rule>();
  if (text.trim() === '') return map;
  for (const part of text.split(',')) {
    const colon = part.lastIndexOf(':');
    const name = part.slice(0, colon).trim();
    const rule = part.slice(colon + 1).trim();
    if (colon <= 0 || name === '') throw new UserError(`--set lrp.rules: '${part}' is not layer:rule`);
    if (!known.includes(name)) {
      throw new UserError(`--set lrp.rules: no Dense or Conv2D layer named '${name}' in the model (layers with rules: ${known.join(', ')})`);
    }
    if (!isRule(rule)) throw new UserError(`--set lrp.rules: unknown rule '${rule}' for layer '${name}' (rules: ${RULES.join(', ')})`);
    if (map.has(name)) throw new UserError(`--set lrp.rules: layer '${name}' is given twice`);
    map.set(name, rule);
  }
  return map;
}

export interface RuleChoice {
  readonly composite: Composite;
  /** '' = use the composite. */
  readonly rule: string;
  /** Per-layer overrides, `name:rule,...`. */
  readonly rules: string;
}

/** The rule of every linear step, by layer name, in layer order. */
export function assignRules(plan: Plan, choice: RuleChoice): Map<string, Rule> {
  const linear = plan.steps.filter((s): s is LinearStep => s.kind === 'linear');
  if (choice.rule !== '' && !isRule(choice.rule)) throw new UserError(`--set lrp.rule=${choice.rule}: expected one of ${RULES.join(', ')}`);
  const overrides = parseRuleMap(choice.rules, linear.map((s) => s.name));
  const out = new Map<string, Rule>();
  linear.forEach((s, i) => {
    const base = choice.rule !== '' ? (choice.rule as Rule) : compositeRule(choice.composite, s.op.kind, i === 0);
    out.set(s.name, overrides.get(s.name) ?? base);
  });
  return out;
}
