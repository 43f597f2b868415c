/** rule-fidelity: share of test inputs on which the rule set predicts what the network predicts. */
import type { StructuredMetric } from '../types.js';
import { global, judgedRows, rulesStateOf } from './rules-input.js';

export const ruleFidelity: StructuredMetric<Record<string, never>> = {
  id: 'rule-fidelity',
  family: 'rules',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    "Share of the task's test inputs on which the rule set's prediction equals the network's (the explained samples when no test split " +
    "is available).",
  reference: 'Andrews, Diederich & Tickle 1995; the main metric of DeepRED, TREPAN, DNN-RE and REMIX',
  requires: ['model'],
  needsClasses: 'compares the rules\' class with the model\'s',
  params: {},
  evaluate(ctx, input) {
    const state = rulesStateOf(input, 'rule-fidelity');
    const rows = judgedRows(ctx, input, state);
    const agree = rows.predictions.filter((p, i) => p.cls === rows.modelLabels[i]).length;
    return global(input, agree / rows.n, { split: rows.split, rows: rows.n, agreeing: agree });
  },
};
