/**
 * The input perturbations of the stability metrics: additive noise on every element, Gaussian
 * N(0, scale^2) (Quantus LocalLipschitzEstimate, OpenXAI) or uniform U(-scale, scale) (Quantus Max/Avg
 * Sensitivity, Captum sensitivity_max), drawn from the sample's own seeded stream.
 */
import { num, oneOf } from '../../core/params.js';
import type { Rng } from '../../core/rng.js';

const NOISES = ['gaussian', 'uniform'] as const;
export type NoiseKind = (typeof NOISES)[number];

export const noiseParam = (def: NoiseKind) =>
  oneOf(NOISES, def, 'additive noise on every input element: gaussian = N(0, scale^2), uniform = U(-scale, scale)');

export const scaleParam = (def: number, why: string) =>
  num({
    default: def,
    min: 1e-6,
    max: 100,
    description: `noise standard deviation (gaussian) or half-width (uniform), in input units. ${why}`,
  });

/** Writes x + noise into `out` (same length as x). */
export function addNoise(x: ArrayLike<number>, out: Float32Array, rng: Rng, kind: NoiseKind, scale: number): void {
  for (let j = 0; j < x.length; j++) out[j] = x[j] + (kind === 'gaussian' ? scale * rng.normal() : rng.uniform(-scale, scale));
}
