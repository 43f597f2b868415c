/**
 * rule-coverage: share of test inputs on which some rule fires; the rest fall to the default class.
 * Descriptive, not ranked: every rule set here ends in a default rule (C4.5rules style), so a compact
 * tree-derived set that leaves its largest class to the default has low coverage by design. Its
 * completeness shows in the details: the default's share and how often the default agrees with the
 * network.
 */
import type { StructuredMetric } from '../types.js';
import { global, judgedRows, rulesStateOf } from './rules-input.js';

export const ruleCoverage: StructuredMetric<Record<string, never>> = {
  id: 'rule-coverage',
  family: 'rules',
  criterion: 'completeness',
  direction: 'descriptive',
  ideal: 1,
  description:
    'Share of the test inputs on which at least one rule fires (the default class decides the rest); details give the default-rule ' +
    'share and its agreement with the network.',
  reference: 'Andrews, Diederich & Tickle 1995 (completeness); DeepRED on incomplete rule sets',
  requires: ['model'],
  needsClasses: 'counts where the rules or the default class decide',
  params: {},
  evaluate(ctx, input) {
    const state = rulesStateOf(input, 'rule-coverage');
    const rows = judgedRows(ctx, input, state);
    let covered = 0;
    let defaultAgree = 0;
    rows.predictions.forEach((p, i) => {
      if (p.rule >= 0) covered++;
      else if (p.cls === rows.modelLabels[i]) defaultAgree++;
    });
    const byDefault = rows.n - covered;
    return global(input, covered / rows.n, {
      split: rows.split,
      rows: rows.n,
      defaultShare: byDefault / rows.n,
      defaultFidelity: byDefault > 0 ? defaultAgree / byDefault : null,
    });
  },
};
