/**
 * Conv2D (stride 1, no dilation, channels-last): y = act(conv(x, W) + b). The input gradient of a
 * stride-1 convolution is itself a convolution, of act'(y) dy with the filter flipped in both spatial
 * axes and its channel axes swapped, padded so that each dx position sees every output it fed: for
 * a forward padding of `before` rows at the top, kh - 1 - before rows on top and the rest below
 * (Dumoulin & Visin 2016, "A guide to convolution arithmetic for deep learning", section 4.1). tfjs's
 * wasm backend runs forward convolutions in XNNPACK and input gradients in a plain C++ loop
 * (tfjs-backend-wasm kernels/Conv2DBackpropInput.cc), several times slower on the zoo's shapes
 * (tools/bench/results/gradient-profile.md); this rule sends the gradient through the forward kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { activationGrad, activationRefusal } from './activation-grad.js';
import { kernelOf } from './dense-rule.js';
import { configOf, registerBackwardRule } from './rules.js';

function pair(v: unknown): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2) return [Number(v[0]), Number(v[1])];
  return [1, 1];
}

function refuses(layer: tf.layers.Layer): string | null {
  const cfg = configOf(layer);
  if (cfg.dataFormat !== undefined && cfg.dataFormat !== 'channelsLast') return `data format ${String(cfg.dataFormat)}`;
  if (pair(cfg.strides).some((s) => s !== 1)) return `strides ${JSON.stringify(cfg.strides)} (the rule covers stride 1)`;
  if (pair(cfg.dilationRate).some((d) => d !== 1)) return `dilation ${JSON.stringify(cfg.dilationRate)}`;
  if (cfg.padding !== 'valid' && cfg.padding !== 'same') return `padding ${String(cfg.padding)}`;
  return activationRefusal(cfg.activation);
}

type Padding4 = [[number, number], [number, number], [number, number], [number, number]];

/**
 * The padding of dz that lets a stride-1 convolution with the flipped filter produce dx: kh - 1 - top
 * rows above and kh - 1 - bottom below (likewise for columns), where top and bottom are the forward
 * convolution's own padding ('valid': none, so a full correlation).
 */
function backwardPadding(kernelShape: readonly number[], inputShape: readonly number[], padding: 'valid' | 'same'): Padding4 {
  const [kh, kw] = kernelShape;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number], kernelShape as [number, number, number, number], 1, 1, padding,
  );
  const { top, bottom, left, right } = info.padInfo;
  return [[0, 0], [kh - 1 - top, kh - 1 - bottom], [kw - 1 - left, kw - 1 - right], [0, 0]];
}

/** dx = conv(dz, flip(W)^T), with the filter's channel axes swapped. */
export function convInputGradient(dz: tf.Tensor4D, kernel: tf.Tensor4D, inputShape: readonly number[], padding: 'valid' | 'same'): tf.Tensor4D {
  const flipped = tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(dz, flipped, 1, backwardPadding(kernel.shape, inputShape, padding));
}

/**
 * dx of a one-channel input, as a depthwise convolution and a sum: each output channel's gradient map
 * convolved with its own flipped filter, then the channels added. XNNPACK computes a convolution's
 * output channels in groups of 8, so the flipped convolution's single output channel wastes 7 of 8
 * (the MNIST CNNs' first layers: 26 ms against 18 ms this way, 256 rows).
 */
export function singleChannelInputGradient(dz: tf.Tensor4D, kernel: tf.Tensor4D, inputShape: readonly number[], padding: 'valid' | 'same'): tf.Tensor4D {
  const [kh, kw, , co] = kernel.shape;
  const filters = tf.reshape(tf.reverse(kernel, [0, 1]), [kh, kw, co, 1]) as tf.Tensor4D;
  return tf.sum(tf.depthwiseConv2d(dz, filters, 1, backwardPadding(kernel.shape, inputShape, padding)), 3, true) as tf.Tensor4D;
}

registerBackwardRule('Conv2D', {
  refuses,
  backward(layer, pass, dy) {
    const cfg = configOf(layer);
    const kernel = kernelOf<tf.Tensor4D>(layer);
    const dz = activationGrad(cfg.activation, pass.y, dy) as tf.Tensor4D;
    const route = kernel.shape[2] === 1 ? singleChannelInputGradient : convInputGradient;
    return route(dz, kernel, pass.x.shape, cfg.padding as 'valid' | 'same');
  },
});
