/**
 * neighbour-label-agreement: the share of the shown neighbours whose true label is the class the model
 * predicted for the query: how well the examples support the answer they are shown for (the deep k-NN
 * "credibility" of Papernot & McDaniel 2018, at the penultimate layer). Null for explanations without
 * neighbours (other methods of the examples family).
 */
import { samplesWithRole } from './example-queries.js';
import type { MetricValue, StructuredMetric } from '../types.js';

export const neighbourLabelAgreement: StructuredMetric<Record<string, never>> = {
  id: 'neighbour-label-agreement',
  family: 'examples',
  explainers: ['nearest-neighbours'],
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description: 'Share of the nearest training examples shown whose true label equals the predicted class of the input.',
  reference: 'Papernot & McDaniel 2018, "Deep k-Nearest Neighbors" (credibility as label agreement of neighbours in a layer\'s space).',
  requires: [],
  needsClasses: 'compares the neighbours\' labels with the predicted class',
  params: {},
  evaluate(_ctx, input) {
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const ns = samplesWithRole(input, i, 'neighbour').filter((s) => s.label !== undefined);
      if (ns.length === 0) return { null: 'explanation has no labelled neighbours (not a neighbour method)' };
      return ns.filter((s) => s.label === input.targets[i]).length / ns.length;
    });
  },
};
