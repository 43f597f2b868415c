/** ONNX MatMul: NumPy matmul (a 1-D operand is promoted to a matrix and its axis removed afterwards). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const matMulOp: OnnxOpRule = {
  opType: 'MatMul',
  run(inputs, node) {
    let a = input(inputs, 0, node);
    let b = input(inputs, 1, node);
    const vecA = a.rank === 1;
    const vecB = b.rank === 1;
    if (vecA) a = a.expandDims(0);
    if (vecB) b = b.expandDims(1);
    let y: tf.Tensor = tf.matMul(a, b);
    if (vecA) y = y.squeeze([y.rank - 2]);
    if (vecB) y = y.squeeze([y.rank - 1]);
    return [y];
  },
};
