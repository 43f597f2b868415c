/**
 * protected-in-counterfactual and protected-in-rules: whether structured explanations mention the
 * protected attribute. A counterfactual that changes it proposes recourse nobody can act on (and is
 * refused by default, explainers/examples/cf-constraints.ts), so lower is better there; a rule set that
 * uses it reveals that the model depends on it, which is neither good nor bad by itself.
 */
import { sampleOf } from '../../core/batch.js';
import { flatInput, queryOf, samplesWithRole } from '../examples/example-queries.js';
import { global, rulesStateOf } from '../rules/rules-input.js';
import type { MetricValue, StructuredMetric } from '../types.js';
import { NO_PROTECTED, protectedColumns } from './protected/protected-columns.js';

const MOVED = 1e-6;

export const protectedInCounterfactual: StructuredMetric<Record<string, never>> = {
  id: 'protected-in-counterfactual',
  family: 'examples',
  explainers: ['counterfactual'],
  criterion: 'fidelity',
  direction: 'lower',
  ideal: 0,
  description: 'Whether a found counterfactual changes the protected attribute (1) or not (0); null when none was found.',
  reference: 'Actionable recourse: Ustun, Spangher & Liu 2019; immutable features in DiCE (Mothilal, Sharma & Tan 2020).',
  requires: ['protected-attribute'],
  params: {},
  evaluate(ctx, input) {
    const attr = ctx.task.protectedAttribute;
    const cols = attr ? protectedColumns(attr) : [];
    return input.sampleIds.map((_, i): MetricValue => {
      if (!attr) return { null: NO_PROTECTED };
      const q = queryOf(input, i);
      const cfs = samplesWithRole(input, i, 'counterfactual');
      if (!q.counterfactual?.found || cfs.length === 0) return { null: 'no counterfactual found within the budget' };
      const x = sampleOf(input.batch, i);
      const cf = flatInput(input, cfs[0]);
      return cols.some((c) => Math.abs(cf[c] - x[c]) > MOVED) ? 1 : 0;
    });
  },
};

export const protectedInRules: StructuredMetric<Record<string, never>> = {
  id: 'protected-in-rules',
  family: 'rules',
  criterion: 'fidelity',
  direction: 'descriptive',
  ideal: 0,
  description: 'Whether any extracted rule has a condition on the protected attribute (1) or none does (0); details count the rules that do.',
  reference: 'Rule extraction as a model audit: Andrews, Diederich & Tickle 1995; features used as in DNN-RE.',
  requires: ['protected-attribute'],
  params: {},
  evaluate(ctx, input) {
    const attr = ctx.task.protectedAttribute;
    if (!attr) return input.sampleIds.map(() => ({ null: NO_PROTECTED }));
    const cols = new Set(protectedColumns(attr));
    const rules = rulesStateOf(input, 'protected-in-rules').ruleSet.rules;
    const using = rules.filter((r) => r.terms.some((t) => cols.has(t.feature))).length;
    return global(input, using > 0 ? 1 : 0, { rulesUsingAttribute: using, rules: rules.length, attribute: attr.name });
  },
};
