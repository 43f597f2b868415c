/**
 * Image layouts. Explainers, metrics and render/ read image samples channels-last ([H, W, C], tfjs's
 * layout); a PyTorch model exported to ONNX takes channels-first samples ([C, H, W], NCHW batches).
 * Users keep their model's own layout in every file (inputs, explanations); these convert at that
 * boundary (cli/user-model.ts), and the ONNX model transposes back to NCHW in front of its graph.
 */
import type { Batch } from './batch.js';

export type Layout = 'channels-last' | 'channels-first';

/** [C, H, W] -> [H, W, C] for each of n samples. */
export function toChannelsLast(data: Float32Array, n: number, chw: readonly number[]): Float32Array {
  const [c, h, w] = chw;
  const out = new Float32Array(data.length);
  const d = c * h * w;
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) out[s * d + p * c + k] = data[s * d + k * h * w + p];
  }
  return out;
}

/** [H, W, C] -> [C, H, W] for each of n samples. */
export function toChannelsFirst(data: Float32Array, n: number, hwc: readonly number[]): Float32Array {
  const [h, w, c] = hwc;
  const out = new Float32Array(data.length);
  const d = c * h * w;
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) out[s * d + k * h * w + p] = data[s * d + p * c + k];
  }
  return out;
}

/** One sample's shape as files hold it, given the shape explainers see ([H, W, C]) and the model's layout. */
export function fileShape(inputShape: readonly number[], layout: Layout): readonly number[] {
  return layout === 'channels-first' ? [inputShape[2], inputShape[0], inputShape[1]] : inputShape;
}

/** A batch read from a file in the model's layout, as explainers see it. */
export function batchFromFile(batch: Batch, layout: Layout): Batch {
  if (layout === 'channels-last') return batch;
  const chw = batch.sampleShape;
  return { n: batch.n, sampleShape: [chw[1], chw[2], chw[0]], data: toChannelsLast(batch.data, batch.n, chw) };
}
