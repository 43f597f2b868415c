/**
 * The one kernel the tfjs wasm backend lacks for training CNNs: Conv2DBackpropFilter (the gradient of
 * a convolution with respect to its filter). useBackend('wasm') registers this plain-JS version, so the
 * zoo trains on wasm (XNNPACK forward and the other gradients) instead of the cpu backend, whose conv
 * gradients made one batch of the small CNN take ~5 s; and so input gradients work through fused
 * convolutions with a bias (tfjs's fused-conv gradient asks for the filter gradient too).
 * wasm-conv-filter-grad.test.ts compares it with the cpu backend's kernel.
 */
import * as tf from '@tensorflow/tfjs';

type Shape4 = [number, number, number, number];

interface FilterGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: Shape4;
}

interface WasmBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

/** dW[r,s,i,o] = sum over batch and output positions of x[b, ih, iw, i] * dy[b, oh, ow, o] (NHWC). */
export function conv2dFilterGrad(x: Float32Array, dy: Float32Array, xShape: Shape4, attrs: FilterGradAttrs): Float32Array {
  if (attrs.dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter: only NHWC is supported, got ${attrs.dataFormat}`);
  const c = tf.backend_util.computeConv2DInfo(xShape, attrs.filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const { batchSize, inHeight, inWidth, inChannels: ci, outHeight, outWidth, outChannels: co, filterHeight: kh, filterWidth: kw } = c;
  // Channels-first copies make the innermost loop run along an output row, contiguous in both.
  const xT = new Float32Array(x.length);
  for (let b = 0; b < batchSize; b++)
    for (let h = 0; h < inHeight; h++)
      for (let w = 0; w < inWidth; w++)
        for (let i = 0; i < ci; i++) xT[((b * ci + i) * inHeight + h) * inWidth + w] = x[((b * inHeight + h) * inWidth + w) * ci + i];
  const dyT = new Float32Array(dy.length);
  for (let b = 0; b < batchSize; b++)
    for (let h = 0; h < outHeight; h++)
      for (let w = 0; w < outWidth; w++)
        for (let o = 0; o < co; o++) dyT[((b * co + o) * outHeight + h) * outWidth + w] = dy[((b * outHeight + h) * outWidth + w) * co + o];
  const sh = c.strideHeight;
  const sw = c.strideWidth;
  const dw = new Float32Array(kh * kw * ci * co);
  for (let r = 0; r < kh; r++) {
    for (let s = 0; s < kw; s++) {
      // Output columns whose input column iw = ow * sw - left + s lies inside the image.
      const owMin = Math.max(0, Math.ceil((c.padInfo.left - s) / sw));
      const owMax = Math.min(outWidth, Math.floor((inWidth - 1 + c.padInfo.left - s) / sw) + 1);
      const shift = s - c.padInfo.left;
      for (let i = 0; i < ci; i++) {
        for (let o = 0; o < co; o++) {
          let acc = 0;
          for (let b = 0; b < batchSize; b++) {
            for (let oh = 0; oh < outHeight; oh++) {
              const ih = oh * sh - c.padInfo.top + r;
              if (ih < 0 || ih >= inHeight) continue;
              const xRow = ((b * ci + i) * inHeight + ih) * inWidth + shift;
              const dyRow = ((b * co + o) * outHeight + oh) * outWidth;
              for (let ow = owMin; ow < owMax; ow++) acc += xT[xRow + ow * sw] * dyT[dyRow + ow];
            }
          }
          dw[((r * kw + s) * ci + i) * co + o] = acc;
        }
      }
    }
  }
  return dw;
}

let inputGradientDepth = 0;

/**
 * Runs `f`, an input gradient (tf.grad with respect to the input only), telling the kernel that no
 * filter gradient computed meanwhile is read. tfjs's fused convolution (a Conv2D layer with a linear
 * activation, as before a BatchNormalization) computes its filter gradient eagerly in its custom
 * gradient, even when only the input's is asked for; tf.grad then drops it. Inside `f` the kernel
 * returns zeros of the filter's shape instead of doing that arithmetic (on the deeper MNIST CNN it
 * was a third of the input gradient's time, tools/bench/results/gradient-profile.md). Only
 * core/engine.ts's gradients() calls this; training never does.
 */
export function withInputGradientOnly<T>(f: () => T): T {
  inputGradientDepth++;
  try {
    return f();
  } finally {
    inputGradientDepth--;
  }
}

const wasmKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  const be = backend as unknown as WasmBackend;
  if (inputGradientDepth > 0) {
    const unread = be.makeOutput([...a.filterShape], 'float32');
    be.typedArrayFromHeap(unread).fill(0);
    return unread;
  }
  const dw = conv2dFilterGrad(be.typedArrayFromHeap(x), be.typedArrayFromHeap(dy), x.shape as Shape4, a);
  // makeOutput may grow the wasm heap and detach earlier views: take the output view only now.
  const out = be.makeOutput([...a.filterShape], 'float32');
  be.typedArrayFromHeap(out).set(dw);
  return out;
};

/** Registers the kernel for the wasm backend (idempotent). */
export function registerWasmConvFilterGrad(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: wasmKernel });
}
