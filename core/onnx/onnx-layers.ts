/**
 * The graph as a tfjs LayersModel, where it is a chain of operators that tfjs has as layers (Conv, Gemm,
 * BatchNormalization, pooling, activations, Flatten; Dropout, Identity and zero Pad dropped), so that
 * the methods that walk layers (LRP, with its BatchNormalization folding into a preceding Dense or
 * Conv2D; rule extraction) run on PyTorch models too. The layers take the channels-last samples
 * explainers see; a Flatten of NCHW maps onto a tfjs Flatten of NHWC by permuting the next Gemm's
 * input rows. The result must reproduce the graph (onnx-model.ts checks it) or it is not offered.
 */
import * as tf from '@tensorflow/tfjs';
import type { HostTensor } from './host-tensor.js';
import type { NodeView } from './node-view.js';
import type { OnnxGraph } from './read-onnx.js';

export type LayersOrWhy = { readonly net: tf.LayersModel } | { readonly why: string };

interface Walk {
  readonly inits: ReadonlyMap<string, HostTensor>;
  /** Every tensor's shape on a batch of one (ONNX layout). */
  readonly shapes: ReadonlyMap<string, number[]>;
  /** [C, H, W] of the last 4-D tensor flattened, whose order the next Gemm reads; null when none. */
  flattened: [number, number, number] | null;
}

/** The node's name as a tfjs layer name ('/conv1/Conv' -> 'conv1/Conv'): tfjs names start with a letter or digit. */
function layerName(node: NodeView): string {
  return node.name.replace(/[^-A-Za-z0-9._/]/g, '_').replace(/^[^A-Za-z0-9]+/, '') || `node_${node.opType}`;
}

const noLayer = (node: NodeView, why: string) => ({ why: `${node.label} ${why}` });

function hostOf(w: Walk, name: string | undefined): HostTensor | null {
  return name ? (w.inits.get(name) ?? null) : null;
}

/** ONNX [out, in, kh, kw] -> tfjs [kh, kw, in, out]. */
function convKernel(h: HostTensor): tf.Tensor {
  return tf.tidy(() => tf.transpose(tf.tensor(h.values, [...h.shape]), [2, 3, 1, 0]));
}

function convLayer(node: NodeView, w: Walk): tf.layers.Layer | { why: string } {
  const k = hostOf(w, node.inputs[1]);
  if (!k || node.int('group', 1) !== 1) return noLayer(node, 'is not a plain convolution with constant weights');
  const [, , kh, kw] = k.shape;
  const strides = node.ints('strides') ?? [1, 1];
  const pads = node.ints('pads') ?? [0, 0, 0, 0];
  // tfjs 'same' at stride 1 pads (k - 1) / 2 on each side: PyTorch's padding=k // 2 for odd k.
  const centred = pads[0] === (kh - 1) / 2 && pads[1] === (kw - 1) / 2 && pads[2] === pads[0] && pads[3] === pads[1];
  const same = strides.every((s) => s === 1) && centred;
  if (!same && pads.some((p) => p !== 0)) return noLayer(node, `pads [${pads.join(', ')}] have no tfjs padding`);
  const bias = hostOf(w, node.inputs[2]);
  const padding = same && pads[0] > 0 ? 'same' : 'valid';
  const layer = tf.layers.conv2d({ filters: k.shape[0], kernelSize: [kh, kw], strides, padding, useBias: !!bias, name: layerName(node) });
  return withWeights(layer, [convKernel(k), ...(bias ? [tf.tensor(bias.values)] : [])]);
}

function gemmLayer(node: NodeView, w: Walk): tf.layers.Layer | { why: string } {
  const b = hostOf(w, node.inputs[1]);
  const c = hostOf(w, node.inputs[2]);
  if (!b || node.int('transA', 0) !== 0 || node.float('alpha', 1) !== 1 || node.float('beta', 1) !== 1 || (node.inputs[2] && !c)) {
    return noLayer(node, 'is not x W + b with constant weights');
  }
  // kernel [in, out]; rows in ONNX's flatten order (c, h, w) are moved to tfjs's (h, w, c).
  const flat = w.flattened;
  w.flattened = null;
  const kernel = tf.tidy((): tf.Tensor2D => {
    const k = tf.tensor2d(b.values, b.shape as [number, number]);
    const inOut: tf.Tensor2D = node.int('transB', 0) === 1 ? k.transpose() : k;
    if (!flat) return inOut;
    const [ch, h, wd] = flat;
    // tfjs row i = (y * W + x) * C + c reads ONNX row (c * H + y) * W + x.
    const rows = Int32Array.from({ length: ch * h * wd }, (_, i) => {
      const [y, x, c] = [Math.floor(i / (wd * ch)), Math.floor(i / ch) % wd, i % ch];
      return (c * h + y) * wd + x;
    });
    return tf.gather(inOut, rows) as tf.Tensor2D;
  });
  const layer = tf.layers.dense({ units: kernel.shape[1], useBias: !!c, name: layerName(node) });
  return withWeights(layer, [kernel, ...(c ? [tf.tensor(c.values)] : [])]);
}

/** The weights are set once the layer is built (onnx-model.ts applies the layers, then sets them). */
function withWeights(layer: tf.layers.Layer, weights: tf.Tensor[]): tf.layers.Layer {
  (layer as tf.layers.Layer & { pending?: tf.Tensor[] }).pending = weights;
  return layer;
}

function poolLayer(node: NodeView): tf.layers.Layer | { why: string } {
  const pads = node.ints('pads') ?? [0, 0, 0, 0];
  if (pads.some((p) => p !== 0) || node.string('auto_pad', 'NOTSET') !== 'NOTSET') return noLayer(node, 'pads its input');
  const poolSize = node.ints('kernel_shape') as [number, number];
  const cfg = { poolSize, strides: (node.ints('strides') ?? [1, 1]) as [number, number], padding: 'valid' as const, name: layerName(node) };
  return node.opType === 'MaxPool' ? tf.layers.maxPooling2d(cfg) : tf.layers.averagePooling2d(cfg);
}

/** One node as a layer, null when it is dropped (identity at inference), or why it has none. */
function layerOf(node: NodeView, w: Walk, last: boolean): tf.layers.Layer | null | { why: string } {
  const shapeIn = w.shapes.get(node.inputs[0]) ?? [];
  const shapeOut = w.shapes.get(node.outputs[0]) ?? [];
  switch (node.opType) {
    case 'Dropout':
    case 'Identity':
      return null;
    case 'Pad':
      return JSON.stringify(shapeIn) === JSON.stringify(shapeOut) ? null : noLayer(node, 'pads its input');
    case 'Conv':
      return convLayer(node, w);
    case 'Gemm':
      return gemmLayer(node, w);
    case 'MaxPool':
    case 'AveragePool':
      return poolLayer(node);
    case 'Relu':
    case 'Sigmoid':
    case 'Tanh':
      return tf.layers.activation({ activation: node.opType.toLowerCase() as 'relu', name: layerName(node) });
    case 'LeakyRelu':
      return tf.layers.leakyReLU({ alpha: node.float('alpha', 0.01), name: layerName(node) });
    case 'Softmax':
      return last ? tf.layers.activation({ activation: 'softmax', name: layerName(node) }) : noLayer(node, 'is not the last node');
    case 'BatchNormalization': {
      const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => hostOf(w, node.inputs[i]));
      if (!scale || !bias || !mean || !variance) return noLayer(node, 'has statistics that are not constants');
      const layer = tf.layers.batchNormalization({ axis: -1, epsilon: node.float('epsilon', 1e-5), name: layerName(node) });
      return withWeights(layer, [scale, bias, mean, variance].map((h) => tf.tensor(h.values)));
    }
    case 'Flatten':
    case 'Reshape':
      if (shapeOut.length !== 2 || node.int('axis', 1) !== 1) return noLayer(node, 'is not a flatten to [batch, features]');
      if (shapeIn.length === 2) return null;
      if (shapeIn.length !== 4) return noLayer(node, `flattens a rank-${shapeIn.length} tensor`);
      w.flattened = [shapeIn[1], shapeIn[2], shapeIn[3]];
      return tf.layers.flatten({ name: layerName(node) });
    default:
      return noLayer(node, 'has no tfjs layer');
  }
}

/** The chain from the input to the output, each node the only reader of the one before (Shape reads aside). */
export function layersOfGraph(
  graph: OnnxGraph,
  inits: ReadonlyMap<string, HostTensor>,
  shapes: ReadonlyMap<string, number[]>,
  inputShape: readonly number[],
): LayersOrWhy {
  const w: Walk = { inits, shapes, flattened: null };
  const input = tf.input({ shape: [...inputShape] });
  let x: tf.SymbolicTensor = input;
  let cur = graph.inputName;
  const built: tf.layers.Layer[] = [];
  while (cur !== graph.outputName) {
    const readers = graph.nodes.filter((n) => n.inputs.includes(cur) && n.opType !== 'Shape');
    if (readers.length !== 1) return { why: `tensor '${cur}' is read by ${readers.length} nodes, not a chain of layers` };
    const node = readers[0];
    const layer = layerOf(node, w, node.outputs.includes(graph.outputName));
    if (layer && 'why' in layer) {
      for (const l of built) (l as tf.layers.Layer & { pending?: tf.Tensor[] }).pending?.forEach((t) => t.dispose());
      return layer;
    }
    if (layer) {
      x = layer.apply(x) as tf.SymbolicTensor;
      built.push(layer);
    }
    cur = node.outputs[0];
  }
  for (const l of built) {
    const p = (l as tf.layers.Layer & { pending?: tf.Tensor[] }).pending;
    if (p) {
      l.setWeights(p);
      p.forEach((t) => t.dispose());
    }
  }
  return { net: tf.model({ inputs: input, outputs: x }) };
}
