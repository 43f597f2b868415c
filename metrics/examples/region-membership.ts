/**
 * region-membership: the share of returned samples whose sign pattern on the boundary set equals the
 * query's, recomputed here by a forward pass of the generator's pre-activation network (not read from
 * the payload). Generative-boundaries must score 1.0 by construction; epsilon-ball shows how often
 * unconstrained samples leave the region.
 */
import { Engine } from '../../core/engine.js';
import { preActivationModel } from '../../explainers/examples/generator-layers.js';
import { inRegion } from '../../explainers/examples/region.js';
import type { MetricValue, StructuredMetric } from '../types.js';
import { generativePayload, NO_SAMPLES, NOT_GENERATIVE } from './payloads.js';

export const regionMembership: StructuredMetric<Record<string, never>> = {
  id: 'region-membership',
  family: 'examples',
  explainers: ['generative-boundaries', 'epsilon-ball'],
  criterion: 'fidelity',
  direction: 'higher',
  ideal: 1,
  description:
    "Share of the returned samples inside the query's generative region (same on/off pattern on the boundary set), recomputed by a " +
    "forward pass.",
  reference: 'Jeon, Jeong & Choi 2020 (AAAI), generative regions; our reconstruction (docs/explainers.md).',
  requires: ['model'],
  params: {},
  async evaluate(ctx, input) {
    const g = ctx.task.generator;
    const values: MetricValue[] = [];
    for (let i = 0; i < input.batch.n; i++) {
      const p = generativePayload(input, i);
      if (!p || !g) {
        values.push(g ? NOT_GENERATIVE : { null: 'the task offers no generator' });
        continue;
      }
      if (p.latents.length === 0) {
        values.push(NO_SAMPLES);
        continue;
      }
      const pre = new Engine(await preActivationModel(g.model, p.boundaries.layerIndex));
      const k = g.latentSize;
      const z = new Float32Array(p.latents.length * k);
      p.latents.forEach((l, j) => z.set(l, j * k));
      const inside = inRegion(pre, { units: p.boundaries.units, on: p.boundaries.on }, z, k);
      ctx.engine.count(pre.passes());
      values.push(inside.filter(Boolean).length / inside.length);
    }
    return values;
  },
};
