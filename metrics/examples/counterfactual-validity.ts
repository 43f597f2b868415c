/**
 * counterfactual-validity: does the reported counterfactual really change the model's answer? The
 * counterfactual input is run through the model again (never trusted from the payload): 1 when its
 * predicted class differs from the explained one, 0 when it does not or when the search found none
 * (a method that gives up is not valid for that input). Null for explanations without a counterfactual
 * role (other methods of the examples family).
 */
import { makeBatch } from '../../core/batch.js';
import { argmaxRows } from '../../explainers/examples/class-words.js';
import { flatInput, queryOf, samplesWithRole } from './example-queries.js';
import type { MetricValue, StructuredMetric } from '../types.js';

export const counterfactualValidity: StructuredMetric<Record<string, never>> = {
  id: 'counterfactual-validity',
  family: 'examples',
  explainers: ['counterfactual'],
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    'Share of inputs whose reported counterfactual, re-run through the model, is classified other than the explained class (0 when none ' +
    'was found).',
  reference:
    'Validity as in Mothilal, Sharma & Tan 2020 (DiCE, FAT*) and Verma et al. 2020 ("Counterfactual explanations for machine learning: a ' +
    'review").',
  requires: ['model'],
  needsClasses: 'checks that the counterfactual changes the model\'s class',
  params: {},
  evaluate(ctx, input) {
    const out: MetricValue[] = [];
    for (let i = 0; i < input.batch.n; i++) {
      const q = queryOf(input, i);
      if (q.counterfactual === undefined) {
        out.push({ null: 'explanation has no counterfactual (not a counterfactual method)' });
        continue;
      }
      const cfs = samplesWithRole(input, i, 'counterfactual');
      if (!q.counterfactual.found || cfs.length === 0) {
        out.push(0);
        continue;
      }
      const logits = ctx.engine.outputs(makeBatch(flatInput(input, cfs[0]), input.batch.sampleShape), 'logit');
      const pred = argmaxRows(logits, ctx.engine.numClasses);
      out.push(pred[0] !== input.targets[i] ? 1 : 0);
    }
    return out;
  },
};
