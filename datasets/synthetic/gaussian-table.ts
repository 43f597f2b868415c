/**
 * Shared by synth-linear and synth-nonlinear: n rows of d independent standard-normal features, drawn
 * row by row from rngFor(seed, generator, 'x'), and their feature names x0..x{d-1}.
 */
import { rngFor } from '../../core/rng.js';
import { boxMullerNormals } from '../../numeric/box-muller.js';

export function gaussianTable(seed: number, generator: string, n: number, d: number): Float32Array {
  const rng = rngFor(seed, generator, 'x');
  const x = new Float32Array(n * d);
  const normal = boxMullerNormals(rng);
  for (let i = 0; i < x.length; i++) x[i] = normal();
  return x;
}

export function gaussianFeatureNames(d: number): string[] {
  return Array.from({ length: d }, (_, j) => `x${j}`);
}
