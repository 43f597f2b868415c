/** rule-length: terms per rule, mean (default) or max; min, mean, max and the total always in the details. */
import { oneOf } from '../../core/params.js';
import type { StructuredMetric } from '../types.js';
import { global, rulesStateOf } from './rules-input.js';

const params = { stat: oneOf(['mean', 'max'], 'mean', 'which statistic of the terms per rule is the value') } as const;

export const ruleLength: StructuredMetric<typeof params> = {
  id: 'rule-length',
  family: 'rules',
  criterion: 'complexity',
  direction: 'lower',
  ideal: 0,
  description: 'Terms (conditions) per rule: the mean, or the max with stat=max; 0 for a rule set that is only its default.',
  reference: "DNN-RE's comprehensibility (min/avg/max rule length); DeepRED (Zilke et al. 2016) reports term counts",
  requires: [],
  params,
  evaluate(_ctx, input, p) {
    const rules = rulesStateOf(input, 'rule-length').global.rules;
    const lengths = rules.map((r) => r.conditions.length);
    const total = lengths.reduce((a, b) => a + b, 0);
    const mean = lengths.length ? total / lengths.length : 0;
    const max = lengths.length ? Math.max(...lengths) : 0;
    const min = lengths.length ? Math.min(...lengths) : 0;
    return global(input, p.stat === 'max' ? max : mean, { min, mean, max, totalTerms: total });
  },
};
