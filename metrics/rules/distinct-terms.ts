/**
 * distinct-terms: number of different conditions (feature, op, threshold) in the rule set; the details
 * name the features the rules use, so one can see at a glance whether a protected attribute appears.
 */
import type { StructuredMetric } from '../types.js';
import { global, rulesStateOf, termSet } from './rules-input.js';

export const distinctTerms: StructuredMetric<Record<string, never>> = {
  id: 'distinct-terms',
  family: 'rules',
  criterion: 'complexity',
  direction: 'lower',
  ideal: 0,
  description: 'Number of distinct conditions (feature, comparison, threshold) over all rules; details list the features used.',
  reference: "REMIX's n_unique_terms; features used as in DNN-RE",
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    const state = rulesStateOf(input, 'distinct-terms');
    const features = [...new Set(state.global.rules.flatMap((r) => r.conditions.map((c) => c.feature)))].sort();
    return global(input, termSet(state).size, { features, featureCount: features.length });
  },
};
