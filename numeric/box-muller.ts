/**
 * Standard normal draws by the Box-Muller transform, pairs cached, as Rng.normal() drew them before it
 * moved to the ziggurat. The synthetic data sets, the simulated study and the generators' training and
 * prior samples were drawn this way: their committed models, recorded accuracies and sample quality
 * depend on these exact draws, so everything under datasets/ keeps this sampler.
 */
import type { Rng } from '../core/rng.js';

/** A normal sampler over `rng`; every normal draw from one stream must go through the same sampler. */
export function boxMullerNormals(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
