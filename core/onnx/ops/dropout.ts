/**
 * ONNX Dropout at inference: the identity (the benchmark explains models in inference mode), and a mask
 * of all true where the node asks for one.
 */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const dropoutOp: OnnxOpRule = {
  opType: 'Dropout',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    return node.outputs.length > 1 ? [tf.clone(x), tf.onesLike(x).cast('bool')] : [tf.clone(x)];
  },
};
