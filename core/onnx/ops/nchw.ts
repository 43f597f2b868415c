/**
 * Convolution and pooling geometry of ONNX (NCHW, explicit pads [top, left, bottom, right]) on tfjs
 * (NHWC): the rules transpose in and out, so inputs stay in the PyTorch model's own layout.
 */
import * as tf from '@tensorflow/tfjs';
import type { NodeView } from '../node-view.js';

export const toNhwc = (x: tf.Tensor): tf.Tensor4D => tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
export const toNchw = (x: tf.Tensor): tf.Tensor4D => tf.transpose(x, [0, 3, 1, 2]) as tf.Tensor4D;

interface Window2d {
  readonly kernel: [number, number];
  readonly strides: [number, number];
  /** [[top, bottom], [left, right]], or 'same' (SAME_UPPER: the extra pad at the end, as tfjs pads). */
  readonly pads: [[number, number], [number, number]] | 'same';
}

/** Why this node's window cannot run here, or null: 2-D only, no dilation, no ceil mode, no SAME_LOWER. */
export function checkWindow(node: NodeView, kernel: number[] | null): string | null {
  if (!kernel || kernel.length !== 2) return `kernel_shape ${JSON.stringify(kernel)}: only 2-D windows (NCHW inputs) are supported`;
  const dil = node.ints('dilations');
  if (dil && dil.some((d) => d !== 1)) return `dilations [${dil.join(', ')}] are not supported`;
  if (node.int('ceil_mode', 0) !== 0) return 'ceil_mode=1 is not supported';
  const auto = node.string('auto_pad', 'NOTSET');
  if (!['NOTSET', 'VALID', 'SAME_UPPER'].includes(auto)) return `auto_pad=${auto} is not supported`;
  return null;
}

export function window2d(node: NodeView, kernel: number[]): Window2d {
  const s = node.ints('strides') ?? [1, 1];
  const auto = node.string('auto_pad', 'NOTSET');
  const p = auto === 'NOTSET' ? (node.ints('pads') ?? [0, 0, 0, 0]) : [0, 0, 0, 0];
  return {
    kernel: [kernel[0], kernel[1]],
    strides: [s[0], s[1]],
    pads: auto === 'SAME_UPPER' ? 'same' : [[p[0], p[2]], [p[1], p[3]]],
  };
}

export const hasPadding = (w: Window2d): boolean => w.pads !== 'same' && w.pads.flat().some((v) => v !== 0);
