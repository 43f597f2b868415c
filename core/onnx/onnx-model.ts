/**
 * An ONNX graph (PyTorch via torch.onnx.export) as a Model: the same contract core/model.ts gives a
 * tfjs LayersModel, so the engine runs it and tf.grad differentiates it like any other model. Inputs
 * stay in the model's own layout in files (NCHW for a PyTorch CNN; core/layout.ts converts to the
 * channels-last samples explainers read, and the model transposes back in front of the graph). It offers predictions and gradients, not
 * layers: explainers that walk layers (LRP, rule extraction) refuse it in one line (model-types.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import type { Model } from '../model-types.js';
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

  run(x: tf.Tensor, wanted: string): tf.Tensor {
    let plan = this.plans.get(wanted);
    if (!plan) {
      if (wanted !== this.graph.inputName && !this.graph.nodes.some((n) => n.outputs.includes(wanted))) {
        throw new RangeError(`no tensor named '${wanted}' in ${this.graph.path}`);
      }
      plan = nodesFor(this.graph, wanted);
      this.plans.set(wanted, plan);
    }
    return runGraph(this.graph, plan, this.weights, x, wanted);
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
  const logitsOf = (x: tf.Tensor): tf.Tensor2D => {
    const z = runner.run(own(x), head.logits) as tf.Tensor2D;
    // One sigmoid unit z is read as two classes with logits [-z/2, z/2], as core/model.ts reads Dense(1, sigmoid).
    return head.binarySigmoid ? (tf.concat([z.mul(-0.5), z.mul(0.5)], 1) as tf.Tensor2D) : z;
  };
  return {
    source,
    format: 'onnx',
    offers: ['predict', 'gradients'],
    layered: null,
    weightedParts: weightedNodes(graph.nodes, inits).map((n) => n.name),
    numClasses: head.binarySigmoid ? 2 : units,
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
    dispose: () => weights.forEach((t) => t.dispose()),
  };
}

/** Loads an .onnx file; a file that is not one xai-bench can run is a UserError naming it (read-onnx.ts). */
export function loadOnnxModel(path: string): Model {
  const graph = readOnnx(path);
  return makeOnnxModel(graph, graph.initializers, path, createHash('sha256').update(graph.bytes).digest('hex'));
}
