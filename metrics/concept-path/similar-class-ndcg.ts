/**
 * similar-class-ndcg: the explanation's ranked similar seen classes against the graph's ranking, the
 * Jaccard similarity of hand-authored part sets between the predicted class and each seen class
 * (agreement with the important similar classes, IMSC, of Geng et al. 2021): NDCG at the list's length,
 * 1 when the best graph neighbours come first.
 */
import type { StructuredMetric } from '../types.js';
import { digitShapeGraph } from '../../datasets/knowledge-graph/load-graph.js';
import { explanationsOf, systemOf } from './zero-shot-state.js';

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const union = new Set([...a, ...b]);
  return union.size === 0 ? 0 : a.filter((x) => b.includes(x)).length / union.size;
}

/** NDCG@k of a ranking given each item's gain; null when no item has a gain. */
export function ndcg(ranked: readonly number[], gains: ReadonlyMap<number, number>): number | null {
  const k = ranked.length;
  const dcg = (items: readonly number[]) => items.slice(0, k).reduce((s, c, r) => s + (gains.get(c) ?? 0) / Math.log2(r + 2), 0);
  const ideal = dcg([...gains.keys()].sort((a, b) => (gains.get(b) ?? 0) - (gains.get(a) ?? 0)));
  return ideal > 0 ? dcg(ranked) / ideal : null;
}

export const similarClassNdcg: StructuredMetric = {
  id: 'similar-class-ndcg',
  family: 'concept-path',
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    'NDCG of the ranked similar seen classes against the Jaccard similarity of their hand-authored parts with the predicted class.',
  reference:
    'IMSC agreement against the knowledge-graph Jaccard ranking, after Geng et al. 2021 ("Explainable zero-shot learning via attentive ' +
    'graph convolutional network and knowledge graphs")',
  requires: [],
  needsClasses: 'ranks classes similar to the predicted one',
  params: {},
  evaluate(ctx, input) {
    const graph = systemOf(input)?.setup.graph ?? digitShapeGraph();
    const seen = systemOf(input)?.setup.seen ?? ctx.task.zeroShot?.seen ?? [];
    return explanationsOf(input).map((e) => {
      if (e.similarClasses.length === 0) return { null: 'no similar classes' };
      const mine = graph.handAuthoredAttributes(e.class);
      const gains = new Map(seen.filter((s) => s !== e.class).map((s) => [s, jaccard(mine, graph.handAuthoredAttributes(s))] as const));
      const v = ndcg(e.similarClasses.map((s) => s.class), gains);
      return v === null ? { null: 'no seen class shares a part with the predicted class' } : v;
    });
  },
};
