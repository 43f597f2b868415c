/** ONNX Gemm: alpha * A' B' + beta * C, A' and B' transposed where transA / transB say (nn.Linear exports transB=1). */
import * as tf from '@tensorflow/tfjs';
import { input } from './values.js';
import type { OnnxOpRule } from './registry.js';

export const gemmOp: OnnxOpRule = {
  opType: 'Gemm',
  run(inputs, node) {
    const a = input(inputs, 0, node);
    const b = input(inputs, 1, node);
    const alpha = node.float('alpha', 1);
    const beta = node.float('beta', 1);
    let y = tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D, node.int('transA', 0) === 1, node.int('transB', 0) === 1);
    if (alpha !== 1) y = y.mul(alpha);
    const c = inputs[2];
    if (c) y = y.add(beta === 1 ? c : c.mul(beta));
    return [y];
  },
};
