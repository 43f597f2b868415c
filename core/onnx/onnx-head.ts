/**
 * Where an ONNX classifier's logits are: a final Softmax or LogSoftmax over the class axis is undone
 * (its input is the logits), a final Sigmoid over one unit is read as two classes as core/model.ts
 * reads a Dense(1, sigmoid), and any other output is taken as logits already (PyTorch classifiers
 * usually end in nn.Linear). Also the penultimate tensor: the input of the last Gemm / MatMul.
 */
import type { OnnxGraph } from './read-onnx.js';

export interface OnnxHead {
  /** The tensor holding the logits (or, for a one-unit sigmoid, its pre-activation z). */
  readonly logits: string;
  /** One sigmoid unit z read as two classes with logits [-z/2, z/2]. */
  readonly binarySigmoid: boolean;
  /** The input of the layer that computes the logits, for explainers comparing inputs in feature space. */
  readonly penultimate: string;
}

function producer(graph: OnnxGraph, tensor: string) {
  return graph.nodes.find((n) => n.outputs.includes(tensor));
}

function penultimateOf(graph: OnnxGraph, logits: string): string {
  let node = producer(graph, logits);
  // nn.Linear on a rank-3 input exports MatMul then Add; follow the Add to its MatMul.
  if (node?.opType === 'Add') {
    node = node.inputs.map((i) => producer(graph, i)).find((p) => p?.opType === 'MatMul') ?? node;
  }
  if (node && (node.opType === 'Gemm' || node.opType === 'MatMul')) return node.inputs[0];
  return graph.inputName;
}

/** `units` is the size of the output's last axis, found by running the graph once. */
export function onnxHead(graph: OnnxGraph, units: number): OnnxHead {
  const last = producer(graph, graph.outputName)!;
  const undo = last.opType === 'Softmax' || last.opType === 'LogSoftmax' || (last.opType === 'Sigmoid' && units === 1);
  const logits = undo ? last.inputs[0] : graph.outputName;
  return { logits, binarySigmoid: last.opType === 'Sigmoid' && units === 1, penultimate: penultimateOf(graph, logits) };
}
