/** ONNX Shape: the input's shape as an integer vector (optionally sliced by start / end, opset 15). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const shapeOp: OnnxOpRule = {
  opType: 'Shape',
  run(inputs, node) {
    const x = input(inputs, 0, node);
    const shape = x.shape.slice(node.int('start', 0), node.has('end') ? node.int('end', x.rank) : undefined);
    return [tf.tensor1d(shape, 'int32')];
  },
};
