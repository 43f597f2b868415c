/** ONNX Transpose: permutes axes by `perm` (reversed by default). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const transposeOp: OnnxOpRule = {
  opType: 'Transpose',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    return [tf.transpose(x, node.ints('perm') ?? undefined)];
  },
};
