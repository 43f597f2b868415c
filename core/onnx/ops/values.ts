/** What the operator rules share: required inputs, integer tensors read on the host, axis arithmetic. */
import * as tf from '@tensorflow/tfjs';
import type { HostTensor } from '../host-tensor.js';
import type { NodeView } from '../node-view.js';

/** Input `i`, which the operator requires. */
export function input(inputs: readonly (tf.Tensor | null)[], i: number, node: NodeView): tf.Tensor {
  const t = inputs[i];
  if (!t) throw new RangeError(`${node.label} needs input ${i + 1}`);
  return t;
}

/** An integer tensor's values (shapes, axes, indices): shape plumbing is read on the host. */
export function intsOf(t: tf.Tensor): number[] {
  return Array.from(t.dataSync(), (v) => Math.trunc(v));
}

/** A negative axis counts from the end, as ONNX allows. */
export function axisOf(axis: number, rank: number, node: NodeView): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new RangeError(`${node.label}: axis ${axis} is out of range for rank ${rank}`);
  return a;
}

export function tensorOf(h: HostTensor): tf.Tensor {
  return tf.tensor(h.values, [...h.shape], h.dtype);
}

/** Same dtype for a binary operator: an int32 operand meets a float one as float (tfjs does not mix). */
export function sameType(a: tf.Tensor, b: tf.Tensor): [tf.Tensor, tf.Tensor] {
  if (a.dtype === b.dtype) return [a, b];
  return [a.toFloat(), b.toFloat()];
}
