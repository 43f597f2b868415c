/**
 * Runs an ONNX graph as a tfjs function of its input: the nodes that the wanted tensor depends on, in
 * file order (ONNX stores nodes topologically sorted; read-onnx.ts checked it), each by its rule in
 * ops/. Everything is tfjs ops, so tf.grad differentiates through it. Call inside tf.tidy.
 */
import type * as tf from '@tensorflow/tfjs';
import { UserError } from '../errors.js';
import type { NodeView } from './node-view.js';
import { onnxOp } from './ops/index.js';
import type { OnnxGraph } from './read-onnx.js';

/** The nodes `wanted` depends on, in order (found once per wanted tensor and cached by the caller). */
export function nodesFor(graph: OnnxGraph, wanted: string): NodeView[] {
  const need = new Set([wanted]);
  const picked: NodeView[] = [];
  for (let k = graph.nodes.length - 1; k >= 0; k--) {
    const node = graph.nodes[k];
    if (!node.outputs.some((o) => need.has(o))) continue;
    picked.push(node);
    for (const i of node.inputs) if (i) need.add(i);
  }
  return picked.reverse();
}

export function runGraph(
  graph: OnnxGraph,
  nodes: readonly NodeView[],
  weights: ReadonlyMap<string, tf.Tensor>,
  x: tf.Tensor,
  wanted: string,
  /** Where given, every tensor's shape is recorded here (onnx-layers.ts reads them). */
  shapes?: Map<string, number[]>,
): tf.Tensor {
  const env = new Map<string, tf.Tensor>(weights);
  env.set(graph.inputName, x);
  for (const node of nodes) {
    const ins = node.inputs.map((name) => (name ? (env.get(name) ?? null) : null));
    let outs: tf.Tensor[];
    try {
      outs = onnxOp(node.opType)!.run(ins, node);
    } catch (e) {
      throw new UserError(`${graph.path}: ${node.label} failed: ${(e as Error).message.split('\n')[0]}`);
    }
    node.outputs.forEach((name, i) => name && outs[i] && env.set(name, outs[i]));
    if (shapes) for (const [name, t] of env) shapes.set(name, t.shape);
  }
  const out = env.get(wanted);
  if (!out) throw new RangeError(`no tensor named '${wanted}' in ${graph.path}`);
  return out;
}
