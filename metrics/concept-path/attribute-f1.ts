/**
 * attribute-f1: the explanatory attributes an explanation names (positive evidence, strongest first)
 * against the graph's hand-authored parts of the sample's TRUE class (attribute precision/recall/F1
 * against the knowledge graph's ground truth). Low when the explanation names parts the true digit does not have.
 */
import type { StructuredMetric } from '../types.js';
import { digitShapeGraph } from '../../datasets/knowledge-graph/load-graph.js';
import { explanationsOf, systemOf, trueClass } from './zero-shot-state.js';

export function f1(predicted: readonly string[], truth: readonly string[]): number | null {
  if (predicted.length === 0 && truth.length === 0) return null;
  const hit = predicted.filter((a) => truth.includes(a)).length;
  if (hit === 0) return 0;
  const p = hit / predicted.length;
  const r = hit / truth.length;
  return (2 * p * r) / (p + r);
}

export const attributeF1: StructuredMetric = {
  id: 'attribute-f1',
  family: 'concept-path',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description: "F1 of the explanation's attributes against the hand-authored has_part attributes of the sample's true class.",
  reference: 'Attribute precision/recall/F1 against the knowledge graph\'s ground truth, after Geng et al. 2021 (X-ZSL)',
  requires: [],
  needsClasses: 'reads the parts of the sample\'s class',
  params: {},
  evaluate(ctx, input) {
    const graph = systemOf(input)?.setup.graph ?? digitShapeGraph();
    return explanationsOf(input).map((e, i) => {
      const y = trueClass(ctx, input.sampleIds[i]);
      if (y === null) return { null: 'true class unknown' };
      const v = f1(e.attributes.map((a) => a.id), graph.handAuthoredAttributes(y));
      return v === null ? { null: 'no attributes on either side' } : v;
    });
  },
};
