/** rule-accuracy: share of test inputs on which the rule set predicts the true label (next to the network's own accuracy). */
import { nullValue } from '../common/per-sample.js';
import type { StructuredMetric } from '../types.js';
import { global, judgedRows, rulesStateOf } from './rules-input.js';

export const ruleAccuracy: StructuredMetric<Record<string, never>> = {
  id: 'rule-accuracy',
  family: 'rules',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    "Share of the task's test inputs the rule set classifies correctly; the network's accuracy on the same inputs is in the details " +
    "(rules cannot be expected to beat it).",
  reference: 'Andrews, Diederich & Tickle 1995; DeepRED, TREPAN, DNN-RE',
  requires: ['model'],
  needsClasses: 'compares the rules\' class with the true labels',
  params: {},
  evaluate(ctx, input) {
    const state = rulesStateOf(input, 'rule-accuracy');
    const rows = judgedRows(ctx, input, state);
    const labels = rows.labels;
    if (!labels) return { values: input.sampleIds.map(() => nullValue('no labelled test split (a user model)')) };
    const right = rows.predictions.filter((p, i) => p.cls === labels[i]).length;
    const model = rows.modelLabels.filter((c, i) => c === labels[i]).length;
    return global(input, right / rows.n, { split: rows.split, rows: rows.n, modelAccuracy: model / rows.n });
  },
};
