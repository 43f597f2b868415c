/**
 * An ONNX graph (PyTorch via torch.onnx.export) as a Model: the same contract core/model.ts gives a
 * tfjs LayersModel, so the engine runs it and tf.grad differentiates it like any other model. Inputs
 * stay in the model's own layout in files (NCHW for a PyTorch CNN; core/layout.ts converts to the
 * channels-last samples explainers read, and the model transposes back in front of the graph). It
 * offers predictions and gradients, and layers where the graph is a chain of them (onnx-layers.ts);
 * otherwise explainers that walk layers (LRP, rule extraction) refuse it in one line (model-types.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import type { LayeredNet, Model } from '../model-types.js';
import { type LayersOrWhy, layersOfGraph } from './onnx-layers.js';
import type { HostTensor } from './host-tensor.js';
import { type OnnxHead, onnxHead } from './onnx-head.js';
import { reinitNode, weightedNodes } from './onnx-randomise.js';
import { type OnnxGraph, readOnnx } from './read-onnx.js';
import { nodesFor, runGraph } from './run-graph.js';
import { tensorOf } from './ops/values.js';
import type { NodeView } from './node-view.js';

/** Runs the graph up to a named tensor, the plan of nodes found once per name. */
class GraphRunner {
  private readonly plans = new Map<string, NodeView[]>();

  constructor(
    readonly graph: OnnxGraph,
    readonly weights: ReadonlyMap<string, tf.Tensor>,
  ) {}

  run(x: tf.Tensor, wanted: string, shapes?: Map<string, number[]>): tf.Tensor {
    let plan = this.plans.get(wanted);
    if (!plan) {
      if (wanted !== this.graph.inputName && !this.graph.nodes.some((n) => n.outputs.includes(wanted))) {
        throw new RangeError(`no tensor named '${wanted}' in ${this.graph.path}`);
      }
      plan = nodesFor(this.graph, wanted);
      this.plans.set(wanted, plan);
    }
    return runGraph(this.graph, plan, this.weights, x, wanted, shapes);
  }
}

/** The size of the output's last axis, found by running the graph once on zeros (which also checks it runs). */
function outputUnits(runner: GraphRunner, graph: OnnxGraph): number {
  const out = tf.tidy(() => runner.run(tf.zeros([1, ...graph.inputShape]), graph.outputName));
  const shape = out.shape;
  out.dispose();
  if (shape.length !== 2 || shape[0] !== 1) {
    throw new UserError(`${graph.path}: the output has shape [${shape.join(', ')}] for one input; expected [batch, classes]`);
  }
  return shape[1];
}

function makeOnnxModel(graph: OnnxGraph, inits: ReadonlyMap<string, HostTensor>, source: string, hash: string): Model {
  const weights = new Map([...inits].map(([name, h]) => [name, tf.keep(tensorOf(h))] as const));
  const runner = new GraphRunner(graph, weights);
  let units: number;
  try {
    units = outputUnits(runner, graph);
  } catch (e) {
    weights.forEach((t) => t.dispose());
    throw e;
  }
  const head: OnnxHead = onnxHead(graph, units);
  if (units < 2 && !head.binarySigmoid) {
    weights.forEach((t) => t.dispose());
    throw new UserError(`${graph.path}: the output has ${units} unit; expected one per class (2 or more) or one sigmoid unit`);
  }
  // [C, H, W] samples: ONNX's Conv and pooling are NCHW; explainers hand the model [H, W, C] (core/layout.ts).
  const channelsFirst = graph.inputShape.length === 3;
  const own = (x: tf.Tensor): tf.Tensor => (channelsFirst ? tf.transpose(x, [0, 3, 1, 2]) : x);
  const layers = head.binarySigmoid ? { why: 'a one-unit sigmoid head has no LRP rule here' } : checkedLayers(runner, graph, inits, own);
  const logitsOf = (x: tf.Tensor): tf.Tensor2D => {
    const z = runner.run(own(x), head.logits) as tf.Tensor2D;
    // One sigmoid unit z is read as two classes with logits [-z/2, z/2], as core/model.ts reads Dense(1, sigmoid).
    return head.binarySigmoid ? (tf.concat([z.mul(-0.5), z.mul(0.5)], 1) as tf.Tensor2D) : z;
  };
  return {
    source,
    format: 'onnx',
    offers: 'net' in layers ? ['predict', 'gradients', 'layers'] : ['predict', 'gradients'],
    layered: 'net' in layers ? layeredNet(layers.net) : null,
    whyNoLayers: 'why' in layers ? layers.why : undefined,
    weightedParts: weightedNodes(graph.nodes, inits).map((n) => n.name),
    numClasses: head.binarySigmoid ? 2 : units,
    score: false,
    inputShape: channelsFirst ? [graph.inputShape[1], graph.inputShape[2], graph.inputShape[0]] : graph.inputShape,
    layout: channelsFirst ? 'channels-first' : 'channels-last',
    hash,
    apply: (x, output) => tf.tidy(() => (output === 'logit' ? logitsOf(x) : (tf.softmax(logitsOf(x)) as tf.Tensor2D))),
    penultimate: (x) => tf.tidy(() => runner.run(own(x), head.penultimate).reshape([x.shape[0], -1])),
    hidden: (x, name) => tf.tidy(() => tf.clone(runner.run(own(x), name))),
    async randomised(seed, scope) {
      const nodes = weightedNodes(graph.nodes, inits);
      const names = scope === 'all' ? null : new Set(scope);
      for (const n of names ?? []) if (!nodes.some((node) => node.name === n)) throw new UserError(`randomised: no node named '${n}' with weights in ${source}`);
      const fresh = new Map(inits);
      for (const node of nodes) if (!names || names.has(node.name)) reinitNode(node, inits, seed).forEach((h, k) => fresh.set(k, h));
      const label = `${source} (randomised seed ${seed}: ${scope === 'all' ? 'all layers' : scope.join(', ')})`;
      return makeOnnxModel(graph, fresh, label, createHash('sha256').update(hash).update(label).digest('hex'));
    },
    dispose: () => {
      weights.forEach((t) => t.dispose());
      if ('net' in layers) layers.net.dispose();
    },
  };
}

/**
 * The graph as tfjs layers (onnx-layers.ts) where it is a chain of them and they reproduce it (to 1e-5 of
 * the output's scale on a fixed input), else why not.
 */
function checkedLayers(
  runner: GraphRunner,
  graph: OnnxGraph,
  inits: ReadonlyMap<string, HostTensor>,
  own: (x: tf.Tensor) => tf.Tensor,
): LayersOrWhy {
  const internal = graph.inputShape.length === 3 ? [graph.inputShape[1], graph.inputShape[2], graph.inputShape[0]] : graph.inputShape;
  const size = internal.reduce((a, b) => a * b, 1);
  const probe = tf.tensor(Float32Array.from({ length: 2 * size }, (_, i) => Math.sin(1.3 * i + 0.2)), [2, ...internal]);
  try {
    const shapes = new Map<string, number[]>();
    tf.tidy(() => runner.run(own(probe.slice(0, 1)), graph.outputName, shapes));
    let built: LayersOrWhy;
    try {
      built = layersOfGraph(graph, inits, shapes, internal);
    } catch (e) {
      return { why: `tfjs could not build its layers (${(e as Error).message.split('\n')[0]})` };
    }
    if ('why' in built) return built;
    const gap = tf.tidy(() => {
      const a = runner.run(own(probe), graph.outputName);
      const b = built.net.predict(probe) as tf.Tensor;
      return [a.sub(b).abs().max().dataSync()[0], a.abs().max().dataSync()[0]];
    });
    if (gap[0] <= 1e-5 * Math.max(gap[1], 1e-6)) return built;
    built.net.dispose();
    return { why: `the layers built from the graph do not reproduce it (differ by ${gap[0].toExponential(2)})` };
  } finally {
    probe.dispose();
  }
}

/** The layers, and the network up to the input of a final softmax layer (the logits). */
function layeredNet(net: tf.LayersModel): LayeredNet {
  const last = net.layers[net.layers.length - 1];
  const softmax = last.getClassName() === 'Activation' && (last.getConfig() as { activation?: string }).activation === 'softmax';
  const logitsNet = softmax ? tf.model({ inputs: net.inputs, outputs: last.input as tf.SymbolicTensor }) : net;
  return { net, logitsNet, layers: net.layers };
}

/** Loads an .onnx file; a file that is not one xai-bench can run is a UserError naming it (read-onnx.ts). */
export function loadOnnxModel(path: string): Model {
  const graph = readOnnx(path);
  return makeOnnxModel(graph, graph.initializers, path, createHash('sha256').update(graph.bytes).digest('hex'));
}
