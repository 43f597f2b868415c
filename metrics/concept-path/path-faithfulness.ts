/**
 * path-faithfulness: the drop in the predicted class's probability (softmax over the decision's
 * candidates) when the explanation's top attribute is deleted from the class signature, the system
 * re-run on the input through the engine (deletion faithfulness; should be > 0).
 */
import type { StructuredMetric } from '../types.js';
import { explanationsOf, NO_SYSTEM, systemOf } from './zero-shot-state.js';

export const pathFaithfulness: StructuredMetric = {
  id: 'path-faithfulness',
  family: 'concept-path',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  chance: 0,
  description: "Drop in the predicted class's probability when the explanation's top attribute is removed from its signature.",
  reference: 'Deletion faithfulness: deleting the top explanatory attribute should lower the class score (after Geng et al. 2021, X-ZSL)',
  requires: ['model', 'explainer'],
  needsClasses: 'removes concepts and reads the class probability',
  params: {},
  evaluate(ctx, input) {
    const sys = systemOf(input);
    if (!sys) return input.sampleIds.map(() => NO_SYSTEM);
    const a = sys.analyse(ctx.engine, input.batch);
    return explanationsOf(input).map((e, i) => {
      const top = e.attributes[0];
      if (!top) return { null: 'no explanatory attribute' };
      const k = sys.attributes.indexOf(top.id);
      return sys.classProbability(a, i, e.class) - sys.classProbability(a, i, e.class, k);
    });
  },
};
