/**
 * Re-initialised weights of an ONNX graph's parameterised nodes, for MPRT's cascade (Adebayo et al.
 * 2018, "Sanity checks for saliency maps"), drawn as core/model.ts draws a LayersModel's: weights
 * Glorot-uniform over fan-in and fan-out, biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as PyTorch's
 * reset_parameters does, BatchNormalization scale and variance 1, shift and mean 0.
 */
import type { HostTensor } from './host-tensor.js';
import type { NodeView } from './node-view.js';
import type { Rng } from '../rng.js';
import { randomiseStream } from '../streams.js';

/** The nodes whose weights are initialisers: what MPRT randomises, input to output. */
export function weightedNodes(nodes: readonly NodeView[], inits: ReadonlyMap<string, HostTensor>): NodeView[] {
  const weighted = new Set(['Gemm', 'MatMul', 'Conv', 'BatchNormalization']);
  return nodes.filter((n) => weighted.has(n.opType) && inits.has(n.inputs[1] ?? ''));
}

/** Fan-in and fan-out of a node's weight: Gemm [out, in] (transB=1) or [in, out], MatMul [in, out], Conv [out, in, kh, kw]. */
function fans(node: NodeView, shape: readonly number[]): [number, number] {
  if (node.opType === 'Conv') {
    const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
    return [shape[1] * receptive, shape[0] * receptive];
  }
  if (node.opType === 'Gemm' && node.int('transB', 0) === 1) return [shape[1], shape[0]];
  return [shape[0], shape[1] ?? 1];
}

function uniform(size: number, bound: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: size }, () => rng.uniform(-bound, bound));
}

/** Fresh values for the node's initialisers, keyed by initialiser name. */
export function reinitNode(node: NodeView, inits: ReadonlyMap<string, HostTensor>, seed: number): Map<string, HostTensor> {
  const rng = randomiseStream(seed, node.name);
  const out = new Map<string, HostTensor>();
  const at = (i: number) => (node.inputs[i] && inits.has(node.inputs[i]) ? inits.get(node.inputs[i])! : null);
  const set = (i: number, values: Float32Array) => out.set(node.inputs[i], { dtype: 'float32', shape: at(i)!.shape, values });
  const size = (i: number) => at(i)!.values.length;
  if (node.opType === 'BatchNormalization') {
    [1, 2, 3, 4].forEach((i) => at(i) && set(i, new Float32Array(size(i)).fill(i === 1 || i === 4 ? 1 : 0)));
    return out;
  }
  const [fanIn, fanOut] = fans(node, at(1)!.shape);
  set(1, uniform(size(1), Math.sqrt(6 / (fanIn + fanOut)), rng));
  if (at(2)) set(2, uniform(size(2), 1 / Math.sqrt(fanIn), rng));
  return out;
}
