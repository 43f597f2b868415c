/**
 * path-validity: the share of an explanation's paths whose every step is an edge of the knowledge
 * graph (either direction, under the inverse relation's name), that start at the predicted class and
 * end at a concept or a seen digit (path validity, after the explanation triples of Geng et al. 2021;
 * must be 1 for a correct implementation).
 */
import type { StructuredMetric } from '../types.js';
import { digitNode } from '../../datasets/knowledge-graph/graph.js';
import { digitShapeGraph } from '../../datasets/knowledge-graph/load-graph.js';
import { explanationsOf, systemOf } from './zero-shot-state.js';

export const pathValidity: StructuredMetric = {
  id: 'path-validity',
  family: 'concept-path',
  criterion: 'sanity',
  direction: 'higher',
  ideal: 1,
  description: 'Share of explanation paths that exist edge by edge in the knowledge graph and start at the predicted class.',
  reference:
    'Path validity, after Geng et al. 2021 ("Explainable zero-shot learning via attentive graph convolutional network and knowledge ' +
    'graphs"), X-ZSL explanation triples',
  requires: [],
  needsClasses: 'checks paths that start at the predicted class',
  params: {},
  evaluate(ctx, input) {
    const graph = systemOf(input)?.setup.graph ?? ctx.task.zeroShot?.graph ?? digitShapeGraph();
    const seen = systemOf(input)?.setup.seen ?? ctx.task.zeroShot?.seen;
    return explanationsOf(input).map((e) => {
      if (e.paths.length === 0) return { null: 'no paths' };
      const ok = e.paths.filter((p) => {
        if (p[0] !== digitNode(e.class) || !graph.pathValid(p)) return false;
        const end = p[p.length - 1];
        if (end.startsWith('digit:')) return !seen || seen.includes(Number(end.slice(6)));
        return true;
      });
      return ok.length / e.paths.length;
    });
  },
};
