/**
 * The bound an explainer or metric is measured against: the forward and gradient passes one call of it
 * makes, run again as plain batched streams of random inputs through the same engine. Shared by the
 * explainer and metric benchmarks.
 */
import { makeBatch } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import type { OutputKind } from '../../core/model.js';
import { rngFor } from '../../core/rng.js';

interface PassCount {
  readonly forward: number;
  readonly gradient: number;
}

/** The passes one call of `run` makes on `engine` (passes on other engines, e.g. of swapped-in models, are not seen). */
export async function passesOf(engine: Engine, run: () => Promise<unknown>): Promise<PassCount> {
  const before = engine.passes();
  await run();
  const after = engine.passes();
  return { forward: after.forwardPasses - before.forwardPasses, gradient: after.gradientPasses - before.gradientPasses };
}

/**
 * A function making `passes` again: forward passes of `forwardOutput`, gradient passes of
 * `gradientOutput`, on random inputs of `sampleShape` drawn once from `stream`. Null when there are none.
 */
export function passBound(
  engine: Engine, sampleShape: readonly number[], passes: PassCount,
  outputs: { readonly forward: OutputKind; readonly gradient: OutputKind }, stream: string,
): (() => void) | null {
  if (passes.forward + passes.gradient === 0) return null;
  const d = sampleShape.reduce((a, b) => a * b, 1);
  const rng = rngFor(0, 'bench-bound', stream);
  const rows = (k: number) => makeBatch(Float32Array.from({ length: k * d }, () => rng.next()), sampleShape);
  const fb = passes.forward > 0 ? rows(passes.forward) : null;
  const gb = passes.gradient > 0 ? rows(passes.gradient) : null;
  const gt = gb ? new Int32Array(gb.n) : null;
  return () => {
    if (fb) engine.outputs(fb, outputs.forward);
    if (gb && gt) engine.gradients(gb, gt, outputs.gradient);
  };
}
