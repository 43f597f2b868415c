/**
 * Explorative sampling inside a generative region with a rapidly-exploring random tree (E-GBAS, Jeon,
 * Jeong & Choi 2020; our reconstruction in generative-boundaries.md): from the tree {z0}, draw z_rand, extend the nearest
 * node by `step` towards it, and accept the new latent iff it is in the region. A rejected extension
 * is bisected (`bisections` halvings of [z_near, z_new]) to the farthest point found inside, so every
 * iteration yields a sample; an iteration whose bisection finds no progress (z_near on a boundary) is
 * retried, at most `maxIterations` in all. Every node is tested by a forward pass before it is kept.
 */
import type { Rng } from '../../core/rng.js';

export type Sampler = 'prior' | 'ball';

export interface RrtOptions {
  readonly samples: number;
  readonly step: number;
  readonly bisections: number;
  /** Where z_rand comes from: the prior N(0, I), or uniform in the ball of `radius` around z0. */
  readonly sampler: Sampler;
  readonly radius: number;
  readonly maxIterations: number;
}

export interface RrtTree {
  /** Latents of the returned samples (samples * k values), in the order they were added. */
  readonly latents: Float32Array;
  /** Parent of each sample: -1 = the query z0, otherwise an index into the samples. */
  readonly parents: number[];
  /** Extensions accepted without bisection. */
  readonly direct: number;
  readonly iterations: number;
  /** Membership tests run (one per extension and one per bisection step). */
  readonly checks: number;
}

/** `inside(z)` tests one latent (k values) against the region. */
export function exploreRegion(z0: Float32Array, inside: (z: Float32Array) => boolean, o: RrtOptions, rng: Rng): RrtTree {
  const k = z0.length;
  const nodes: Float32Array[] = [z0];
  const parents: number[] = [];
  let direct = 0;
  let iterations = 0;
  let checks = 0;
  while (nodes.length - 1 < o.samples && iterations < o.maxIterations) {
    iterations++;
    const zr = o.sampler === 'prior' ? Float32Array.from({ length: k }, () => rng.normal()) : inBall(z0, o.radius, rng);
    let near = 0;
    let best = Infinity;
    nodes.forEach((z, i) => {
      const d = dist2(z, zr);
      if (d < best) [best, near] = [d, i];
    });
    const zn = nodes[near];
    const len = Math.sqrt(best);
    if (len === 0) continue;
    const reach = Math.min(o.step, len);
    const at = (t: number) => Float32Array.from(zn, (v, j) => v + (t * reach * (zr[j] - v)) / len);
    const full = at(1);
    checks++;
    if (inside(full)) {
      direct++;
      nodes.push(full);
      parents.push(near - 1);
      continue;
    }
    let lo = 0;
    let hi = 1;
    let found: Float32Array | null = null;
    for (let b = 0; b < o.bisections; b++) {
      const mid = (lo + hi) / 2;
      const z = at(mid);
      checks++;
      if (inside(z)) {
        lo = mid;
        found = z;
      } else hi = mid;
    }
    if (found) {
      nodes.push(found);
      parents.push(near - 1);
    }
  }
  const latents = new Float32Array((nodes.length - 1) * k);
  nodes.slice(1).forEach((z, i) => latents.set(z, i * k));
  return { latents, parents, direct, iterations, checks };
}

function dist2(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

/** Uniform in the L2 ball of radius r around c: a normal direction and radius r * U^(1/k). */
function inBall(c: Float32Array, r: number, rng: Rng): Float32Array {
  const k = c.length;
  const dir = Float32Array.from({ length: k }, () => rng.normal());
  const norm = Math.hypot(...dir) || 1;
  const rad = r * rng.next() ** (1 / k);
  return Float32Array.from(c, (v, j) => v + (rad * dir[j]) / norm);
}

/** Mean L2 distance of n latents (n * k values) from z0. */
export function meanDistance(z0: Float32Array, latents: Float32Array): number {
  const k = z0.length;
  const n = latents.length / k;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(dist2(z0, latents.subarray(i * k, (i + 1) * k)));
  return s / n;
}

/**
 * epsilon-ball sampling (the paper's baseline): n latents uniform in the L2 ball around z0, then all
 * offsets scaled by one factor so their mean distance from z0 is exactly `meanDist` (matched to the
 * tree's samples, so diversity and homogeneity compare at equal distance). No region check.
 */
export function epsilonBall(z0: Float32Array, n: number, meanDist: number, rng: Rng): Float32Array {
  const k = z0.length;
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) out.set(inBall(z0, 1, rng), i * k);
  const m = meanDistance(z0, out);
  const f = m > 0 ? meanDist / m : 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = z0[j] + f * (out[i * k + j] - z0[j]);
  return out;
}
