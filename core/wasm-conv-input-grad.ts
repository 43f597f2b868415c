/**
 * A faster Conv2DBackpropInput (the gradient of a convolution with respect to its input) for the wasm
 * backend, for stride 1 and channels-last, the convolutions of the zoo's CNNs; other cases go to tfjs's
 * own kernel. tfjs's C++ kernel (tfjs-backend-wasm, kernels/Conv2DBackpropInput.cc) gathers every
 * term of every dot product, zeros included; this one scatters only dy's nonzero values (see
 * conv2dInputGrad). It adds each dx element's terms in the same order as tfjs's (dy rows, then
 * columns, then output channels) with float32 products and sums (Math.fround, and a Float32Array
 * accumulator), so its results are bit-identical to tfjs's and the committed baselines do not move
 * (wasm-input-grad-kernels.test.ts compares the two bit for bit).
 */
import * as tf from '@tensorflow/tfjs';

type Shape4 = [number, number, number, number];

interface InputGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: Shape4;
}

interface WasmBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

interface Geometry {
  b: number; h: number; w: number; ci: number; oh: number; ow: number; co: number; fh: number; fw: number;
  /** The forward convolution's padding: y[yr] sums x[yr - padTop + r] * w[r]. */
  padTop: number; padLeft: number;
}

/**
 * The filter as [co, fh, fw, ci]: for one dy value (one output channel) and one filter row, the taps
 * over filter columns and input channels are one contiguous run, as are the dx values they feed.
 */
function transposeFilter(f: Float32Array, g: Geometry): Float32Array {
  const t = new Float32Array(f.length);
  const taps = g.fh * g.fw;
  for (let rc = 0; rc < taps; rc++)
    for (let i = 0; i < g.ci; i++)
      for (let o = 0; o < g.co; o++) t[(o * taps + rc) * g.ci + i] = f[(rc * g.ci + i) * g.co + o];
  return t;
}

/** Adds one dy value's terms to every dx element it reaches: dx[yr - padTop + r, yc - padLeft + s, i] += dy * w[r, s, i, o]. */
function scatter(dx: Float32Array, wt: Float32Array, g: Geometry, bi: number, yr: number, yc: number, o: number, p: number): void {
  const ci = g.ci;
  const r0 = Math.max(0, g.padTop - yr);
  const r1 = Math.min(g.fh, g.h - yr + g.padTop);
  const s0 = Math.max(0, g.padLeft - yc);
  const s1 = Math.min(g.fw, g.w - yc + g.padLeft);
  const run = (s1 - s0) * ci;
  for (let r = r0; r < r1; r++) {
    const d = ((bi * g.h + yr - g.padTop + r) * g.w + yc - g.padLeft + s0) * ci;
    const w = ((o * g.fh + r) * g.fw + s0) * ci;
    for (let k = 0; k < run; k++) dx[d + k] += Math.fround(p * wt[w + k]);
  }
}

/**
 * dx (NHWC) of a stride-1 convolution, bit-identical to tfjs's wasm kernel. Scattering dy in row-major
 * order (rows, columns, channels) hands every dx element its terms in the order tfjs's gather adds them,
 * and lets the zeros of dy be skipped: after a ReLU and a max pool most of dy is zero, and
 * x + fround(0 * w) = x for finite weights, so skipping them changes no bit.
 */
function conv2dInputGrad(dy: Float32Array, filter: Float32Array, g: Geometry): Float32Array {
  const wt = transposeFilter(filter, g);
  const dx = new Float32Array(g.b * g.h * g.w * g.ci);
  for (let bi = 0; bi < g.b; bi++)
    for (let yr = 0; yr < g.oh; yr++)
      for (let yc = 0; yc < g.ow; yc++) {
        const base = ((bi * g.oh + yr) * g.ow + yc) * g.co;
        for (let o = 0; o < g.co; o++) {
          const p = dy[base + o];
          if (p !== 0) scatter(dx, wt, g, bi, yr, yc, o, p);
        }
      }
  return dx;
}

function geometry(filterShape: Shape4, a: InputGradAttrs): Geometry | null {
  if (a.dataFormat !== 'NHWC') return null;
  const c = tf.backend_util.computeConv2DInfo(a.inputShape, filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  if (c.strideHeight !== 1 || c.strideWidth !== 1) return null;
  return {
    b: c.batchSize, h: c.inHeight, w: c.inWidth, ci: c.inChannels, oh: c.outHeight, ow: c.outWidth, co: c.outChannels,
    fh: c.filterHeight, fw: c.filterWidth, padTop: c.padInfo.top, padLeft: c.padInfo.left,
  };
}

/** Registers the kernel for the wasm backend in place of tfjs's, which it keeps for other strides (idempotent). */
/**
 * In JavaScript each term costs about 3-5 times what it costs in tfjs's C++ (measured under load with
 * tools/bench/gradient-profile.ts and a kernel-only timing, 256 rows of the MNIST CNNs' shapes): the
 * scatter pays only where dy is mostly zeros and the contiguous runs are long (8 or more input
 * channels). Elsewhere tfjs's kernel is as fast or faster.
 */
function worthScattering(dy: Float32Array, g: Geometry): boolean {
  if (g.ci < 8) return false;
  let nonzero = 0;
  for (let i = 0; i < dy.length; i++) if (dy[i] !== 0) nonzero++;
  return nonzero <= 0.3 * dy.length;
}

let registered = false;

export function registerWasmConvInputGrad(): void {
  const original = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (!original || registered) return;
  registered = true;
  const fallback = original.kernelFunc;
  function kernel(args: Parameters<tf.KernelFunc>[0]): ReturnType<tf.KernelFunc> {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    const g = geometry(filter.shape as Shape4, args.attrs as unknown as InputGradAttrs);
    if (g === null) return fallback(args);
    const be = args.backend as unknown as WasmBackend;
    const dyValues = be.typedArrayFromHeap(dy);
    if (!worthScattering(dyValues, g)) return fallback(args);
    const dx = conv2dInputGrad(dyValues, be.typedArrayFromHeap(filter), g);
    // makeOutput may grow the wasm heap and detach earlier views: take the output view only now.
    const out = be.makeOutput([g.b, g.h, g.w, g.ci], 'float32');
    be.typedArrayFromHeap(out).set(dx);
    return out;
  }
  tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
  tf.registerKernel({ ...original, kernelFunc: kernel as tf.KernelFunc });
}
