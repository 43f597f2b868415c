/**
 * The open registry of ONNX operators (one small rule per operator, in the manner of Zennit's rule
 * registries): each rule maps a node's input tensors to its outputs with tfjs ops, so tf.grad
 * differentiates the whole graph. `check` refuses, at load time, attributes the rule does not implement.
 * ops/index.ts registers the built-in rules; registerOnnxOp adds one.
 */
import type * as tf from '@tensorflow/tfjs';
import type { NodeView } from '../node-view.js';

export interface OnnxOpRule {
  readonly opType: string;
  /** Why this node cannot run (an attribute value the rule does not implement), or null. */
  check?(node: NodeView): string | null;
  /** The node's outputs; absent optional inputs are null. Runs inside the caller's tf.tidy. */
  run(inputs: readonly (tf.Tensor | null)[], node: NodeView): tf.Tensor[];
}

const rules = new Map<string, OnnxOpRule>();

export function registerOnnxOp(rule: OnnxOpRule): void {
  rules.set(rule.opType, rule);
}

export function onnxOp(opType: string): OnnxOpRule | undefined {
  return rules.get(opType);
}

export function onnxOpTypes(): string[] {
  return [...rules.keys()].sort();
}
