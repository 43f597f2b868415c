/**
 * ONNX AveragePool on 2-D NCHW inputs. Explicit pads are supported with count_include_pad=1 (zeros
 * padded, counted in the mean); without padding the flag changes nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { checkWindow, hasPadding, toNchw, toNhwc, window2d } from './nchw.js';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const averagePoolOp: OnnxOpRule = {
  opType: 'AveragePool',
  check(node) {
    const why = checkWindow(node, node.ints('kernel_shape'));
    if (why) return why;
    const win = window2d(node, node.ints('kernel_shape')!);
    if (win.pads === 'same' || (hasPadding(win) && node.int('count_include_pad', 0) !== 1)) {
      return 'padding that is left out of the mean (count_include_pad=0) is not supported';
    }
    return null;
  },
  run(inputs, node) {
    const win = window2d(node, node.ints('kernel_shape')!);
    let x = toNhwc(input(inputs, 0, node));
    if (win.pads !== 'same' && hasPadding(win)) x = tf.pad(x, [[0, 0], ...win.pads, [0, 0]]);
    return [toNchw(tf.avgPool(x, win.kernel, win.strides, 'valid'))];
  },
};
