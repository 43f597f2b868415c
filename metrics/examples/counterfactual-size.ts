/**
 * counterfactual-size: how much of the input a counterfactual changes, as the share of input elements
 * that differ from the query (recomputed from the two inputs, not read from the payload). Lower is a
 * sparser, easier-to-act-on change; the L2 distance is reported in `details`. Null when no
 * counterfactual was found (validity counts that) or the explanation is of another kind.
 */
import { sampleOf } from '../../core/batch.js';
import { changeSize } from '../../explainers/examples/counterfactual.js';
import { flatInput, queryOf, samplesWithRole } from './example-queries.js';
import type { MetricValue, StructuredMetric } from '../types.js';

export const counterfactualSize: StructuredMetric<Record<string, never>> = {
  id: 'counterfactual-size',
  family: 'examples',
  explainers: ['counterfactual'],
  criterion: 'complexity',
  direction: 'lower',
  ideal: 0,
  description: 'Share of input elements a found counterfactual changes (sparsity of the change); mean L2 distance in details.',
  reference: 'Sparsity and proximity of counterfactuals: Wachter et al. 2018; Mothilal, Sharma & Tan 2020 (DiCE); Laugel et al. 2018.',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    const values: MetricValue[] = [];
    const l2: number[] = [];
    for (let i = 0; i < input.batch.n; i++) {
      const q = queryOf(input, i);
      const cfs = samplesWithRole(input, i, 'counterfactual');
      if (q.counterfactual === undefined) values.push({ null: 'explanation has no counterfactual (not a counterfactual method)' });
      else if (!q.counterfactual.found || cfs.length === 0) values.push({ null: 'no counterfactual found within the budget' });
      else {
        const s = changeSize(sampleOf(input.batch, i), flatInput(input, cfs[0]));
        values.push(s.changed / s.of);
        l2.push(s.l2);
      }
    }
    return { values, details: { meanL2: l2.length ? l2.reduce((a, b) => a + b, 0) / l2.length : null } };
  },
};
