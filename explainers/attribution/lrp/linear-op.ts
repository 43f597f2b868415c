/**
 * The two linear layer kinds LRP redistributes through, as a pair of bias-free maps: `forward(a, W)`
 * (z = a W, or a convolution) and its transpose `transpose(s, W)` (Wᵀ s, or a transposed convolution).
 * Every z-type rule is "forward with modified weights, divide, transpose, multiply" (Montavon et al. 2019),
 * so the rules (rules/) never need to know which kind of layer they run on.
 */
import * as tf from '@tensorflow/tfjs';

export interface LinearOp {
  /** 'Dense' or 'Conv2D', for messages. */
  readonly kind: 'Dense' | 'Conv2D';
  /** Bias-free forward map of a batch `a` with kernel `w` (the layer's kernel layout). */
  forward(a: tf.Tensor, w: tf.Tensor): tf.Tensor;
  /** The transpose of `forward` applied to `s` (shaped like the output), shaped like `a`. */
  transpose(s: tf.Tensor, w: tf.Tensor, inputShape: readonly number[]): tf.Tensor;
}

/** Dense on a batch of vectors: kernel [in, out]. */
export const denseOp: LinearOp = {
  kind: 'Dense',
  forward: (a, w) => tf.matMul(a as tf.Tensor2D, w as tf.Tensor2D),
  transpose: (s, w) => tf.matMul(s as tf.Tensor2D, w as tf.Tensor2D, false, true),
};

export interface ConvGeometry {
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
}

/** Conv2D, channels last: kernel [kh, kw, in, out]. The transpose is the exact adjoint (checked in tests). */
export function conv2dOp(g: ConvGeometry): LinearOp {
  return {
    kind: 'Conv2D',
    forward: (a, w) => tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, g.strides, g.padding),
    transpose: (s, w, inputShape) =>
      tf.conv2dTranspose(s as tf.Tensor4D, w as tf.Tensor4D, inputShape as [number, number, number, number], g.strides, g.padding),
  };
}

/** Adds a per-output-unit bias (broadcast over the last axis) when there is one. */
export function withBias(z: tf.Tensor, bias: tf.Tensor | null): tf.Tensor {
  return bias ? tf.add(z, bias) : z;
}
