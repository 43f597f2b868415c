/**
 * Reading generative-boundaries / epsilon-ball payloads (explainers/examples/payload.ts) in metrics.
 * Other explainers of the examples family write another payload (explainers/examples/example-query.ts):
 * for those these metrics return null with a reason.
 */
import { makeBatch } from '../../harness/batch.js';
import type { ExamplesPayload } from '../../explainers/examples/payload.js';
import type { MetricContext, MetricValue, StructuredInput } from '../types.js';

export function generativePayload(input: StructuredInput, i: number): ExamplesPayload | null {
  const p = input.explanations[i] as Partial<ExamplesPayload> | undefined;
  return p && (p.sampler === 'rrt' || p.sampler === 'epsilon-ball') && Array.isArray(p.latents) ? (p as ExamplesPayload) : null;
}

export const NOT_GENERATIVE: MetricValue = { null: 'not a generated-examples explanation (generative-boundaries or epsilon-ball)' };
export const NO_SAMPLES: MetricValue = { null: 'the explanation returned no samples' };

/** Classifier outputs (n * classes) of flat images shaped like the task's samples, through ctx.engine. */
export function classifierOutputs(ctx: MetricContext, images: readonly number[][], output: 'logit' | 'probability'): Float32Array {
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
