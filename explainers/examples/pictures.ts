/**
 * The pictures of one example-based explanation, for the run's artifacts folder: the sample grid (the
 * query's generated image first, framed in red, then the samples) and the latent tree (or, for the
 * epsilon-ball baseline, the cloud of samples with those outside the region hollow). The caller
 * names the files: `<sampleId><suffix>.png`.
 */
import { fromNested } from '../../core/batch.js';
import { renderLatentTreePng } from '../../render/latent-tree-png.js';
import { renderSampleGridPng } from '../../render/sample-grid-png.js';
import type { GenerativeQuery } from './example-query.js';

export { isGenerativeQuery } from './example-query.js';

export interface ExamplesPicture {
  readonly suffix: '' | '-tree';
  readonly data: Buffer;
}

/** A nested input of the payload as flat values (throws when it is not shaped like the samples). */
function flatOf(nested: unknown, sampleShape: readonly number[]): Float32Array {
  const r = fromNested(nested, sampleShape);
  if ('error' in r) throw new Error(`example input does not match the sample shape [${sampleShape.join(', ')}]: ${r.error}`);
  return r.data;
}

export function examplesPictures(p: GenerativeQuery, sampleShape: readonly number[]): ExamplesPicture[] {
  const tiles = [p.generation.query.image, ...p.samples.map((s) => s.input)].map((x) => flatOf(x, sampleShape));
  const images = new Float32Array(tiles.reduce((a, t) => a + t.length, 0));
  tiles.reduce((o, t) => (images.set(t, o), o + t.length), 0);
  const grid = renderSampleGridPng({
    images,
    n: tiles.length,
    shape: sampleShape,
    cols: Math.min(8, tiles.length),
    scale: 2,
    highlightFirst: true,
  });
  const inside = p.generation.sampler === 'epsilon-ball' ? p.samples.map((s) => s.inside ?? true) : undefined;
  const tree = renderLatentTreePng({ root: p.generation.query.latent, nodes: p.latents, parents: p.tree?.parents, inside });
  return [
    { suffix: '', data: grid },
    { suffix: '-tree', data: tree },
  ];
}
