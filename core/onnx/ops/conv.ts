/**
 * ONNX Conv on 2-D NCHW inputs: weights [out, in / group, kh, kw] become tfjs's [kh, kw, in, out];
 * group 1 runs tf.conv2d, group = in channels (depthwise) tf.depthwiseConv2d.
 */
import * as tf from '@tensorflow/tfjs';
import { checkWindow, toNchw, toNhwc, window2d } from './nchw.js';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const convOp: OnnxOpRule = {
  opType: 'Conv',
  check(node) {
    const why = checkWindow(node, node.ints('kernel_shape'));
    if (why) return why;
    return null;
  },
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const w = input(inputs, 1, node);
    const group = node.int('group', 1);
    const win = window2d(node, node.ints('kernel_shape') ?? w.shape.slice(2));
    const pad = win.pads === 'same' ? 'same' : ([[0, 0], ...win.pads, [0, 0]] as [[number, number], [number, number], [number, number], [number, number]]);
    const nhwc = toNhwc(x);
    let y: tf.Tensor4D;
    if (group === 1) {
      y = tf.conv2d(nhwc, tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D, win.strides, pad);
    } else if (group === x.shape[1] && w.shape[1] === 1) {
      // Depthwise: out = in * multiplier, output channel c * m + k reads input channel c.
      const mult = w.shape[0] / group;
      const filter = tf.transpose(w.reshape([group, mult, ...w.shape.slice(2)]), [2, 3, 0, 1]) as tf.Tensor4D;
      y = tf.depthwiseConv2d(nhwc, filter, win.strides, pad);
    } else throw new RangeError(`${node.label}: group=${group} is supported only as 1 or as depthwise (group = input channels)`);
    const b = inputs[2];
    return [toNchw(b ? y.add(b) : y)];
  },
};
