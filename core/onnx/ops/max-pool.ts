/** ONNX MaxPool on 2-D NCHW inputs; explicit pads pad with -Infinity, so they never win the max. */
import * as tf from '@tensorflow/tfjs';
import { checkWindow, hasPadding, toNchw, toNhwc, window2d } from './nchw.js';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const maxPoolOp: OnnxOpRule = {
  opType: 'MaxPool',
  check(node) {
    if (node.outputs.length > 1) return 'the Indices output is not supported';
    if (node.int('storage_order', 0) !== 0) return 'storage_order=1 is not supported';
    return checkWindow(node, node.ints('kernel_shape'));
  },
  run(inputs, node) {
    const win = window2d(node, node.ints('kernel_shape')!);
    let x = toNhwc(input(inputs, 0, node));
    if (win.pads !== 'same' && hasPadding(win)) x = tf.pad(x, [[0, 0], ...win.pads, [0, 0]], -Infinity);
    return [toNchw(tf.maxPool(x, win.kernel, win.strides, win.pads === 'same' ? 'same' : 'valid'))];
  },
};
