/**
 * A faster MaxPoolGrad for the wasm backend when pooling windows do not overlap (stride >= window, the
 * zoo's 2x2 pools), channels-last; other cases go to tfjs's own kernel. Each window's gradient goes to
 * the position of its maximum, the last one on ties, as tfjs's kernel (tfjs-backend-wasm,
 * kernels/MaxPoolGrad.cc) picks it; every other position gets 0 + dy * 0 as there. With no overlap no
 * position sums two windows, so the results are bit-identical to tfjs's
 * (wasm-input-grad-kernels.test.ts compares the two bit for bit).
 */
import * as tf from '@tensorflow/tfjs';
import { MAX_POOL_GRAD_WASM } from './wasm-simd/max-pool-grad-bytes.js';
import { heapOffset, simdKernel, type WasmHeapBackend } from './wasm-simd/instantiate.js';

type Shape4 = [number, number, number, number];

interface PoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

interface WasmBackend extends WasmHeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

type PoolInfo = ReturnType<typeof tf.backend_util.computePool2DInfo>;

/** tfjs's kernel starts each window's maximum at FLT_MIN, the smallest positive float32 (not -FLT_MAX). */
const FLT_MIN = 1.1754943508222875e-38;

/**
 * dx of a max pool whose windows do not overlap. Each window is scanned position by position with the
 * channels innermost (contiguous in NHWC), keeping a running maximum per channel. dx starts at zero,
 * which is what tfjs writes (0 + dy * 0) for every finite dy; a non-finite dy makes that product NaN,
 * so such a window is written out in full.
 */
function maxPoolGradNoOverlap(x: Float32Array, dy: Float32Array, c: PoolInfo): Float32Array {
  const { batchSize: nb, inHeight: h, inWidth: w, inChannels: ch, outHeight: oh, outWidth: ow } = c;
  const dx = new Float32Array(x.length);
  const best = new Float32Array(ch);
  const at = new Int32Array(ch);
  for (let b = 0; b < nb; b++)
    for (let r = 0; r < oh; r++) {
      const r0 = Math.max(0, r * c.strideHeight - c.padInfo.top);
      const r1 = Math.min(h, r * c.strideHeight - c.padInfo.top + c.filterHeight);
      for (let q = 0; q < ow; q++) {
        const q0 = Math.max(0, q * c.strideWidth - c.padInfo.left);
        const q1 = Math.min(w, q * c.strideWidth - c.padInfo.left + c.filterWidth);
        for (let k = 0; k < ch; k++) {
          best[k] = FLT_MIN;
          at[k] = -1;
        }
        for (let i = r0; i < r1; i++)
          for (let j = q0; j < q1; j++) {
            const base = ((b * h + i) * w + j) * ch;
            for (let k = 0; k < ch; k++) {
              if (x[base + k] >= best[k]) {
                best[k] = x[base + k];
                at[k] = base + k;
              }
            }
          }
        const g0 = ((b * oh + r) * ow + q) * ch;
        for (let k = 0; k < ch; k++) {
          const g = dy[g0 + k];
          if (!Number.isFinite(g)) writeWindow(dx, c, b, r0, r1, q0, q1, k, g);
          if (at[k] >= 0) dx[at[k]] = 0 + g;
        }
      }
    }
  return dx;
}

/** Every position of one channel's window gets 0 + dy * 0, as in tfjs's kernel (NaN for a non-finite dy). */
function writeWindow(dx: Float32Array, c: PoolInfo, b: number, r0: number, r1: number, q0: number, q1: number, k: number, g: number): void {
  for (let i = r0; i < r1; i++)
    for (let j = q0; j < q1; j++) dx[((b * c.inHeight + i) * c.inWidth + j) * c.inChannels + k] = 0 + g * 0;
}

function poolInfo(xShape: Shape4, a: PoolGradAttrs): PoolInfo | null {
  const c = tf.backend_util.computePool2DInfo(xShape, a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
  if (c.strideHeight < c.filterHeight || c.strideWidth < c.filterWidth) return null;
  return c;
}

/**
 * The same gradient by core/wasm-simd/max-pool-grad.wat, four channels at a time in the backend's own
 * memory (a [256, 24, 24, 8] pool: about 1 ms against 13 ms in JavaScript).
 */
function maxPoolGradSimd(simd: WebAssembly.Exports, be: WasmBackend, input: tf.TensorInfo, dy: tf.TensorInfo, c: PoolInfo): tf.TensorInfo {
  const out = be.makeOutput([...input.shape], 'float32');
  // Offsets are read after makeOutput, which may grow (and move the views of) the memory.
  const run = simd.maxPoolGradNoOverlap as (...v: number[]) => void;
  run(heapOffset(be, input), heapOffset(be, dy), heapOffset(be, out),
    c.batchSize, c.inHeight, c.inWidth, c.inChannels, c.outHeight, c.outWidth,
    c.strideHeight, c.strideWidth, c.filterHeight, c.filterWidth, c.padInfo.top, c.padInfo.left);
  return out;
}

let registered = false;
let useSimd = true;

/** Turns the SIMD kernel off or on (tests compare it with the JavaScript one). */
export function useSimdMaxPoolGrad(on: boolean): void {
  useSimd = on;
}

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
    const simd = useSimd ? simdKernel('max-pool-grad', MAX_POOL_GRAD_WASM, be) : null;
    if (simd) return maxPoolGradSimd(simd, be, input, dy, c);
    // Copies first: V8 reads the wasm heap's views more slowly than fresh arrays (a [256, 24, 24, 8]
    // pool: 20 ms reading the heap, 13 ms copying and reading the copies).
    const dx = maxPoolGradNoOverlap(be.typedArrayFromHeap(input).slice(), be.typedArrayFromHeap(dy).slice(), c);
    const out = be.makeOutput([...input.shape], 'float32');
    be.typedArrayFromHeap(out).set(dx);
    return out;
  }
  tf.unregisterKernel('MaxPoolGrad', 'wasm');
  tf.registerKernel({ ...original, kernelFunc: kernel as tf.KernelFunc });
}
