/**
 * A faster MaxPoolGrad for the wasm backend when pooling windows do not overlap (stride >= window, the
 * zoo's 2x2 pools), channels-last; other cases go to tfjs's own kernel. Each window's gradient goes to
 * the position of its maximum, the last one on ties, as tfjs's kernel (tfjs-backend-wasm,
 * kernels/MaxPoolGrad.cc) picks it; every other position gets 0 + dy * 0 as there. With no overlap no
 * position sums two windows, so the results are bit-identical to tfjs's
 * (wasm-input-grad-kernels.test.ts compares the two bit for bit).
 */
import * as tf from '@tensorflow/tfjs';

type Shape4 = [number, number, number, number];

interface PoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

interface WasmBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

type PoolInfo = ReturnType<typeof tf.backend_util.computePool2DInfo>;

/** tfjs's kernel starts each window's maximum at FLT_MIN, the smallest positive float32 (not -FLT_MAX). */
const FLT_MIN = 1.1754943508222875e-38;

/** dx of a max pool whose windows do not overlap. */
function maxPoolGradNoOverlap(x: Float32Array, dy: Float32Array, c: PoolInfo): Float32Array {
  const { batchSize: nb, inHeight: h, inWidth: w, inChannels: ch, outHeight: oh, outWidth: ow } = c;
  const dx = new Float32Array(x.length);
  for (let b = 0; b < nb; b++)
    for (let r = 0; r < oh; r++) {
      const r0 = Math.max(0, r * c.strideHeight - c.padInfo.top);
      const r1 = Math.min(h, r * c.strideHeight - c.padInfo.top + c.filterHeight);
      for (let q = 0; q < ow; q++) {
        const q0 = Math.max(0, q * c.strideWidth - c.padInfo.left);
        const q1 = Math.min(w, q * c.strideWidth - c.padInfo.left + c.filterWidth);
        for (let k = 0; k < ch; k++) {
          const g = dy[((b * oh + r) * ow + q) * ch + k];
          let best = FLT_MIN;
          let at = -1;
          for (let i = r0; i < r1; i++)
            for (let j = q0; j < q1; j++) {
              const idx = ((b * h + i) * w + j) * ch + k;
              dx[idx] = 0 + g * 0;
              if (x[idx] >= best) {
                best = x[idx];
                at = idx;
              }
            }
          if (at >= 0) dx[at] = 0 + g;
        }
      }
    }
  return dx;
}

function poolInfo(xShape: Shape4, a: PoolGradAttrs): PoolInfo | null {
  const c = tf.backend_util.computePool2DInfo(xShape, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
  if (c.strideHeight < c.filterHeight || c.strideWidth < c.filterWidth) return null;
  return c;
}

let registered = false;

/** Registers the kernel for the wasm backend in place of tfjs's, which it keeps for overlapping windows (idempotent). */
export function registerWasmMaxPoolGrad(): void {
  const original = tf.getKernel('MaxPoolGrad', 'wasm');
  if (!original || registered) return;
  registered = true;
  const fallback = original.kernelFunc;
  function kernel(args: Parameters<tf.KernelFunc>[0]): ReturnType<tf.KernelFunc> {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const c = poolInfo(input.shape as Shape4, args.attrs as unknown as PoolGradAttrs);
    if (c === null) return fallback(args);
    const be = args.backend as unknown as WasmBackend;
    const dx = maxPoolGradNoOverlap(be.typedArrayFromHeap(input), be.typedArrayFromHeap(dy), c);
    const out = be.makeOutput([...input.shape], 'float32');
    be.typedArrayFromHeap(out).set(dx);
    return out;
  }
  tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({ ...original, kernelFunc: kernel as tf.KernelFunc });
}
