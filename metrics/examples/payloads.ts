/**
 * Reading generated-examples queries (generative-boundaries, epsilon-ball: explainers/examples/
 * example-query.ts with `latents`, `boundaries` and `generation`) in metrics. Other explainers of the
 * examples family write the same shape without those keys: for them these metrics return null with a
 * reason.
 */
import { makeBatch } from '../../core/batch.js';
import { type GenerativeQuery, isGenerativeQuery } from '../../explainers/examples/example-query.js';
import { flatInput } from './example-queries.js';
import type { MetricContext, MetricValue, StructuredInput } from '../types.js';

export function generativePayload(input: StructuredInput, i: number): GenerativeQuery | null {
  const p = input.explanations[i];
  return isGenerativeQuery(p) ? p : null;
}

export const NOT_GENERATIVE: MetricValue = { null: 'not a generated-examples explanation (generative-boundaries or epsilon-ball)' };
export const NO_SAMPLES: MetricValue = { null: 'the explanation returned no samples' };

/** The query's generated image G(z0) and then every sample, flat in model-input space. */
export function generatedImages(input: StructuredInput, p: GenerativeQuery): { query: Float32Array; samples: Float32Array[] } {
  return { query: flatInput(input, { input: p.generation.query.image }), samples: p.samples.map((s) => flatInput(input, s)) };
}

/** Classifier outputs (n * classes) of flat images shaped like the task's samples, through ctx.engine. */
export function classifierOutputs(ctx: MetricContext, images: readonly ArrayLike<number>[], output: 'logit' | 'probability'): Float32Array {
  const d = images[0].length;
  const flat = new Float32Array(images.length * d);
  images.forEach((im, i) => flat.set(im, i * d));
  return ctx.engine.outputs(makeBatch(flat, ctx.task.sampleShape), output);
}

export function argmaxRows(v: Float32Array, cols: number): number[] {
  return Array.from({ length: v.length / cols }, (_, i) => {
    let best = 0;
    for (let j = 1; j < cols; j++) if (v[i * cols + j] > v[i * cols + best]) best = j;
    return best;
  });
}
