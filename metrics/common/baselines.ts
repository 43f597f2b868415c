/**
 * The value a "removed" input element takes in the perturbation metrics. `task` is the task's declared
 * baseline (what its explainers also use), `zero` is all zeros (BEExAI, Xplique), `blur` is a Gaussian
 * blur of the input itself (RISE's insertion substrate; image tasks only). Quantus's "black" baseline,
 * the per-sample minimum of x, is not offered: on standardised tabular data it is meaningless.
 */
import { type Batch, sizeOf } from '../../core/batch.js';
import { UserError } from '../../core/errors.js';
import { num, oneOf } from '../../core/params.js';
import type { TaskView } from '../../datasets/task.js';

const BASELINES = ['task', 'zero', 'blur'] as const;
export type BaselineKind = (typeof BASELINES)[number];

export const baselineParam = oneOf(
  BASELINES,
  'task',
  'value of a removed element: task = the task baseline, zero = 0, blur = Gaussian blur of the input (image tasks)',
);

/** RISE's evaluation code blurs with sigma 5 (on 224-pixel images; klen=11). Used only by `blur`. */
export const blurSigmaParam = num({ default: 5, min: 0.1, max: 100, description: 'Gaussian sigma in pixels for baseline=blur' });

/** n * d baseline values, one row per sample of `batch`. */
export function baselineRows(task: TaskView, batch: Batch, kind: BaselineKind, blurSigma: number, where: string): Float32Array {
  const d = sizeOf(batch.sampleShape);
  const out = new Float32Array(batch.n * d);
  switch (kind) {
    case 'zero':
      return out;
    case 'task': {
      if (task.baseline.length !== d) {
        throw new UserError(`${where}: the task baseline has ${task.baseline.length} values, the input has ${d} per sample`);
      }
      for (let i = 0; i < batch.n; i++) out.set(task.baseline, i * d);
      return out;
    }
    case 'blur': {
      const shape = batch.sampleShape;
      if (task.kind !== 'image' || (shape.length !== 2 && shape.length !== 3)) {
        throw new UserError(
          `${where}: baseline=blur needs an image task with samples [height, width(, channels)], got ${task.kind} [${shape.join(', ')}]`,
        );
      }
      const [h, w, c = 1] = shape;
      for (let i = 0; i < batch.n; i++) {
        out.set(gaussianBlur(batch.data.subarray(i * d, (i + 1) * d), h, w, c, blurSigma), i * d);
      }
      return out;
    }
  }
}

/** Separable Gaussian blur of one channels-last image, kernel truncated at 3 sigma, edges replicated. */
export function gaussianBlur(img: Float32Array, h: number, w: number, c: number, sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float64Array(2 * r + 1);
  let total = 0;
  for (let k = -r; k <= r; k++) total += kernel[k + r] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < kernel.length; k++) kernel[k] /= total;
  const clamp = (v: number, hi: number) => (v < 0 ? 0 : v > hi ? hi : v);
  const tmp = new Float64Array(img.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let k = -r; k <= r; k++) s += kernel[k + r] * img[(y * w + clamp(x + k, w - 1)) * c + ch];
        tmp[(y * w + x) * c + ch] = s;
      }
  const out = new Float32Array(img.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let k = -r; k <= r; k++) s += kernel[k + r] * tmp[(clamp(y + k, h - 1) * w + x) * c + ch];
        out[(y * w + x) * c + ch] = s;
      }
  return out;
}
