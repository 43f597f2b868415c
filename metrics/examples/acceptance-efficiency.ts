/**
 * acceptance-efficiency: samples kept inside the query's generative region per candidate latent tested.
 * For the RRT: samples / membership tests (one per extension, one per bisection step); for epsilon-ball
 * used as rejection sampling: the share of its draws inside the region, at the matched distance.
 */
import type { MetricValue, StructuredMetric } from '../types.js';
import { generativePayload, NOT_GENERATIVE } from './payloads.js';

export const acceptanceEfficiency: StructuredMetric<Record<string, never>> = {
  id: 'acceptance-efficiency',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'cost',
  direction: 'higher',
  ideal: 1,
  description:
    'In-region samples obtained per candidate latent tested (RRT with bisection vs epsilon-ball rejection sampling at matched distance).',
  reference: 'Jeon, Jeong & Choi 2020 (AAAI), "guarantees sample acceptance"; our reconstruction (docs/explainers.md).',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const p = generativePayload(input, i);
      if (!p) return NOT_GENERATIVE;
      const a = p.generation.acceptance;
      if (a.checked === 0) return { null: 'no candidate latents were tested' };
      return a.accepted / a.checked;
    });
  },
};
