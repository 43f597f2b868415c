/**
 * Generative regions: the set of latents whose sign pattern on the boundary set S equals the query's,
 * GR_S(z0) = intersection over i in S of {z : sign h_i(z) = sign h_i(z0)}, with h_i(z) >= 0 read as "on".
 * Membership is tested by a forward pass of the pre-activation network through an Engine (batched,
 * counted), never assumed, so it holds for deeper layers whose regions are not polytopes.
 */
import { makeBatch } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';

export interface Region {
  readonly units: readonly number[];
  /** 1 = on (h >= 0), 0 = off, one per unit of `units`. */
  readonly on: readonly (0 | 1)[];
}

/** Pre-activations of every unit for latents z (n * k values): n * N values. */
function preActivations(pre: Engine, z: Float32Array, latentSize: number): Float32Array {
  return pre.outputs(makeBatch(z, [latentSize]), 'logit');
}

export function regionOf(pre: Engine, z0: Float32Array, units: readonly number[]): Region {
  const h = preActivations(pre, z0, z0.length);
  return { units, on: units.map((u) => (h[u] >= 0 ? 1 : 0)) };
}

/** Whether each of the n latents (n * k values) lies in the region: one batched pass. */
export function inRegion(pre: Engine, region: Region, z: Float32Array, latentSize: number): boolean[] {
  const n = z.length / latentSize;
  if (n === 0) return [];
  const h = preActivations(pre, z, latentSize);
  const N = h.length / n;
  const res: boolean[] = [];
  for (let r = 0; r < n; r++) {
    res.push(region.units.every((u, j) => (h[r * N + u] >= 0 ? 1 : 0) === region.on[j]));
  }
  return res;
}
