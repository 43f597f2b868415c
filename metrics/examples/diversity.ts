/**
 * diversity: mean pairwise L2 distance between the generated samples in image space; and
 * mean-latent-distance: the samples' mean latent distance from the query (equal for generative-
 * boundaries and a matched epsilon-ball, which is what makes their other numbers comparable). Both
 * descriptive: more diverse is not better by itself, it is the other side of homogeneity.
 */
import type { MetricValue, StructuredMetric } from '../types.js';
import { generatedImages, generativePayload, NOT_GENERATIVE } from './payloads.js';

export function meanPairwiseL2(xs: readonly ArrayLike<number>[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < xs.length; a++) {
    for (let b = a + 1; b < xs.length; b++) {
      let s = 0;
      for (let j = 0; j < xs[a].length; j++) s += (xs[a][j] - xs[b][j]) ** 2;
      sum += Math.sqrt(s);
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : 0;
}

export const diversity: StructuredMetric<Record<string, never>> = {
  id: 'diversity',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'complexity',
  direction: 'descriptive',
  ideal: 0,
  description: 'Mean pairwise L2 distance between the generated samples in image space (read next to homogeneity).',
  reference: 'Jeon, Jeong & Choi 2020 (AAAI); diversity as mean pairwise image distance (docs/explainers.md).',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const p = generativePayload(input, i);
      if (!p) return NOT_GENERATIVE;
      if (p.samples.length < 2) return { null: 'fewer than two samples' };
      return meanPairwiseL2(generatedImages(input, p).samples);
    });
  },
};

export const meanLatentDistance: StructuredMetric<Record<string, never>> = {
  id: 'mean-latent-distance',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'complexity',
  direction: 'descriptive',
  ideal: 0,
  description: "The samples' mean L2 distance from the query in latent space (matched between generative-boundaries and epsilon-ball).",
  reference: 'Jeon, Jeong & Choi 2020 (AAAI); the matched-distance comparison (docs/explainers.md).',
  requires: [],
  params: {},
  evaluate(_ctx, input) {
    return Array.from({ length: input.batch.n }, (_, i): MetricValue => {
      const p = generativePayload(input, i);
      if (!p) return NOT_GENERATIVE;
      if (p.latents.length === 0) return { null: 'the explanation returned no samples' };
      const z0 = p.generation.query.latent;
      return p.latents.reduce((s, z) => s + Math.sqrt(z.reduce((a, v, j) => a + (v - z0[j]) ** 2, 0)), 0) / p.latents.length;
    });
  },
};
