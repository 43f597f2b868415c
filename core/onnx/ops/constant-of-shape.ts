/** ONNX ConstantOfShape: a tensor of the shape given by the input, filled with `value` (float 0 by default). */
import * as tf from '@tensorflow/tfjs';
import { input, intsOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const constantOfShapeOp: OnnxOpRule = {
  opType: 'ConstantOfShape',
  run(inputs, node) {
    const shape = intsOf(input(inputs, 0, node));
    const v = node.tensor('value');
    if (!v) return [tf.zeros(shape)];
    return [tf.fill(shape, v.values[0], v.dtype)];
  },
};
