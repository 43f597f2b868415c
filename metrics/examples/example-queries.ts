/** Reading the `examples` family's one per-sample payload shape (explainers/examples/example-query.ts) in metrics. */
import { fromNested, sizeOf } from '../../core/batch.js';
import type { ExampleQuery, ExampleSample } from '../../explainers/examples/example-query.js';
import type { StructuredInput } from '../types.js';

export function queryOf(input: StructuredInput, i: number): ExampleQuery {
  return input.explanations[i] as ExampleQuery;
}

/** The examples of one role in sample i's payload. */
export function samplesWithRole(input: StructuredInput, i: number, role: ExampleSample['role']): ExampleSample[] {
  return (queryOf(input, i).samples ?? []).filter((s) => s.role === role);
}

/** An example's input (or any nested input of the payload) as a flat array in model-input space (throws on a shape mismatch). */
export function flatInput(input: StructuredInput, s: Pick<ExampleSample, 'input'>): Float32Array {
  const r = fromNested(s.input, input.batch.sampleShape);
  if ('error' in r) throw new Error(`example input does not match the sample shape [${input.batch.sampleShape.join(', ')}]: ${r.error}`);
  if (r.data.length !== sizeOf(input.batch.sampleShape)) throw new Error('example input has the wrong size');
  return r.data;
}
