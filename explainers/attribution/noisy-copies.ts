/**
 * SmoothGrad's noisy copies (Smilkov et al. 2017), shared by smoothgrad and vargrad: `samples` copies
 * x + N(0, sigma^2) per input, sigma = noise * (max(x) - min(x)) as the paper defines the noise level,
 * drawn from the sample's seeded stream `purpose`, and their target-logit gradients.
 */
import { type Batch, sizeOf } from '../../core/batch.js';
import type { ExplainContext } from '../types.js';
import { type Stack, stackedGradients } from './stack.js';

interface NoisyCopies {
  readonly samples: number;
  /** sigma as a fraction of the input's max - min range. */
  readonly noise: number;
  /** The random stream's purpose (smoothgrad keeps 'smoothgrad', so its numbers do not move). */
  readonly purpose: string;
}

/** Per input, the gradients of its noisy copies: samples * d values each. */
export function noisyGradients(
  ctx: ExplainContext,
  batch: Batch,
  targets: Int32Array,
  sampleIds: readonly string[],
  o: NoisyCopies,
): Float32Array[] {
  const d = sizeOf(batch.sampleShape);
  const stacks: Stack[] = [];
  for (let i = 0; i < batch.n; i++) {
    const x = batch.data.subarray(i * d, (i + 1) * d);
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < d; k++) {
      lo = Math.min(lo, x[k]);
      hi = Math.max(hi, x[k]);
    }
    const sigma = o.noise * (hi - lo);
    const id = sampleIds[i];
    stacks.push({
      rows: o.samples,
      target: targets[i],
      writesAll: true,
      fill(out) {
        const rng = ctx.rng(id, o.purpose);
        for (let s = 0; s < o.samples; s++) for (let k = 0; k < d; k++) out[s * d + k] = x[k] + sigma * rng.normal();
      },
    });
  }
  return stackedGradients(ctx.engine, batch.sampleShape, stacks, 'logit');
}
