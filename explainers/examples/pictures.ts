/**
 * The pictures of one example-based explanation, for the run's artifacts folder: the sample grid (the
 * query's generated image first, framed in red, then the samples) and the latent tree (or, for the
 * epsilon-ball baseline, the cloud of samples with those outside the region hollow). The caller
 * names the files: `<sampleId><suffix>.png`.
 */
import { renderLatentTreePng } from '../../harness/render/latent-tree-png.js';
import { renderSampleGridPng } from '../../harness/render/sample-grid-png.js';
import type { ExamplesPayload } from './payload.js';

export interface ExamplesPicture {
  readonly suffix: '' | '-tree';
  readonly data: Buffer;
}

export function examplesPictures(p: ExamplesPayload, sampleShape: readonly number[]): ExamplesPicture[] {
  const images = [p.query.image, ...p.samples].flat();
  const grid = renderSampleGridPng({ images, n: p.samples.length + 1, shape: sampleShape, cols: Math.min(8, p.samples.length + 1), scale: 2, highlightFirst: true });
  const tree = renderLatentTreePng({ root: p.query.latent, nodes: p.latents, parents: p.tree?.parents, inside: p.inside });
  return [
    { suffix: '', data: grid },
    { suffix: '-tree', data: tree },
  ];
}

/** Whether an examples-family payload is one of ours (other examples explainers write ExampleQuery). */
export function isGenerativePayload(v: unknown): v is ExamplesPayload {
  const s = (v as { sampler?: unknown } | null)?.sampler;
  return s === 'rrt' || s === 'epsilon-ball';
}
