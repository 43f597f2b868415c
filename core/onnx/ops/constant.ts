/** ONNX Constant: a tensor from its `value` attribute, or a scalar / list from value_float(s) / value_int(s). */
import * as tf from '@tensorflow/tfjs';
import { tensorOf } from './values.js';
import type { OnnxOpRule } from './registry.js';

const KINDS = ['value', 'value_float', 'value_floats', 'value_int', 'value_ints'];

export const constantOp: OnnxOpRule = {
  opType: 'Constant',
  check(node) {
    const kind = node.attributeNames()[0];
    if (node.attributeNames().length === 1 && KINDS.includes(kind)) return null;
    return `attributes [${node.attributeNames().join(', ')}]: one of ${KINDS.join(', ')} is supported`;
  },
  run(_inputs, node) {
    const t = node.tensor('value');
    if (t) return [tensorOf(t)];
    if (node.has('value_float')) return [tf.scalar(node.float('value_float', 0))];
    if (node.has('value_int')) return [tf.scalar(node.int('value_int', 0), 'int32')];
    if (node.has('value_ints')) return [tf.tensor1d(node.ints('value_ints')!, 'int32')];
    return [tf.tensor1d(node.floats('value_floats') ?? [])];
  },
};
