/** rule-count: number of rules (conjunctive clauses, the default rule not counted). */
import type { StructuredMetric } from '../types.js';
import { global, rulesStateOf } from './rules-input.js';

export const ruleCount: StructuredMetric<Record<string, never>> = {
  id: 'rule-count',
  family: 'rules',
  criterion: 'complexity',
  direction: 'lower',
  ideal: 0,
  description: 'Number of rules (conjunctive clauses over all classes; the default rule not counted).',
  reference: 'Andrews, Diederich & Tickle 1995 (comprehensibility); DNN-RE comprehensibility',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    const g = rulesStateOf(input, 'rule-count').global;
    const perClass: Record<string, number> = {};
    for (const r of g.rules) perClass[r.class] = (perClass[r.class] ?? 0) + 1;
    return global(input, g.rules.length, { perClass, defaultClass: g.defaultClass, ...(g.budgetHit ? { budgetHit: g.budgetHit } : {}) });
  },
};
