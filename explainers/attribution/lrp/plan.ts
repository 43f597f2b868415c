/**
 * Turns a model's layers into the chain of steps LRP walks (docs/explainers.md, LRP): linear steps (Dense,
 * Conv2D, with a following BatchNormalization folded in), pooling steps, reshapes, and pass-through
 * steps (InputLayer, Dropout, activation layers). The final softmax (fused or a separate layer) is
 * removed: the target logit is explained. Anything else is refused with a UserError naming the layer
 * and its type. The plan holds no tensors: weights are read (and folded) inside the caller's tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { UserError } from '../../../core/errors.js';
import { layersOf, type Model } from '../../../core/model.js';
import { batchNormScaleShift, foldBatchNorm } from './bn-folding.js';
import { type LinearOp, conv2dOp, denseOp } from './linear-op.js';
import type { PoolGeometry } from './pooling.js';

interface StepBase {
  /** The layers whose output is this step's output (a linear layer and its folded BN, say). */
  readonly names: string[];
}
export interface LinearStep extends StepBase {
  readonly kind: 'linear';
  /** The Dense/Conv2D layer's name: the key of per-layer rules. */
  readonly name: string;
  readonly op: LinearOp;
  /** Elementwise activation applied after the (folded) layer; null when linear or when it is the removed head. */
  readonly activation: tf.layers.Layer | null;
  /** Kernel and bias with any BN folded in (and the binary-sigmoid head expanded). Call inside tf.tidy. */
  weights(): { kernel: tf.Tensor; bias: tf.Tensor | null };
}
export interface PoolStep extends StepBase {
  readonly kind: 'pool';
  readonly mode: 'max' | 'avg';
  readonly geometry: PoolGeometry;
  readonly layer: tf.layers.Layer;
}
export interface ShapeStep extends StepBase {
  /** Reshape relevance back (Flatten, Reshape) or pass it unchanged (activations, Dropout). */
  readonly kind: 'reshape' | 'pass';
  readonly layer: tf.layers.Layer;
}
export type Step = LinearStep | PoolStep | ShapeStep;

export interface Plan {
  readonly steps: readonly Step[];
  /** Names whose output is the model input (the InputLayer), whose relevance is the attribution. */
  readonly inputNames: readonly string[];
}

const PASS_CLASSES = new Set([
  'Dropout',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'Activation',
  'ReLU',
  'LeakyReLU',
  'ELU',
  'PReLU',
  'ThresholdedReLU',
]);
const SUPPORTED =
  'Dense, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Reshape, Dropout, activation layers, BatchNormalization (after ' +
  'Dense/Conv2D), InputLayer';
const HEAD_ACTIVATIONS = new Set(['softmax', 'sigmoid', 'linear']);

type Config = Record<string, unknown>;
const cfgOf = (l: tf.layers.Layer) => l.getConfig() as Config;
const pair = (v: unknown, fallback: [number, number]): [number, number] =>
  v == null ? fallback : Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : [Number(v), Number(v)];
const describe = (l: tf.layers.Layer) => `'${l.name}' (${l.getClassName()})`;

function refuse(l: tf.layers.Layer, why: string): never {
  throw new UserError(`lrp: layer ${describe(l)} ${why}`);
}

/** The layers in order, checked to form one chain (each layer fed by the one before it). */
function chainOf(net: tf.LayersModel): tf.layers.Layer[] {
  const layers = net.layers;
  layers.forEach((l, i) => {
    const nodes = (l as unknown as { inboundNodes: { inboundLayers: tf.layers.Layer[] }[] }).inboundNodes;
    const inbound = nodes.length === 1 ? nodes[0].inboundLayers : null;
    const fromInput = (n: tf.layers.Layer[]) => n.length <= 1 && (n.length === 0 || n[0].getClassName() === 'InputLayer');
    const ok = inbound !== null && (i === 0 ? fromInput(inbound) : inbound.length === 1 && inbound[0] === layers[i - 1]);
    if (!ok) refuse(l, 'is not part of a single chain of layers; LRP here supports sequential models only');
  });
  return layers;
}

function elementwiseActivation(l: tf.layers.Layer, name: string): tf.layers.Layer | null {
  if (name === 'linear') return null;
  if (name === 'softmax') {
    refuse(l, 'has a softmax activation before the last layer; it is not elementwise, so relevance cannot pass through it');
  }
  return tf.layers.activation({ activation: name as never });
}

function linearStep(l: tf.layers.Layer, isHead: boolean, binarySigmoid: boolean, score: boolean): LinearStep {
  const cfg = cfgOf(l);
  const cls = l.getClassName();
  let op: LinearOp;
  if (cls === 'Dense') {
    if ((l.input as tf.SymbolicTensor).shape.length !== 2) {
      refuse(l, 'is applied to an input of rank > 2; only Dense on flat inputs is supported');
    }
    op = denseOp;
  } else {
    if (cfg.dataFormat === 'channelsFirst') refuse(l, 'uses channelsFirst; only channelsLast is supported');
    if (pair(cfg.dilationRate, [1, 1]).some((d) => d !== 1)) refuse(l, 'is dilated; only dilation 1 is supported');
    if (cfg.padding !== 'valid' && cfg.padding !== 'same') {
      refuse(l, `has padding '${String(cfg.padding)}'; only valid and same are supported`);
    }
    op = conv2dOp({ strides: pair(cfg.strides, [1, 1]), padding: cfg.padding });
  }
  const act = String(cfg.activation ?? 'linear');
  if (isHead && score && act !== 'linear') {
    // A score is the output as is (core/model.ts): LRP would explain the pre-activation instead.
    refuse(l, `is the output layer with activation ${act}; a score model's output is taken after it, and LRP explains a linear output`);
  }
  if (isHead && !HEAD_ACTIVATIONS.has(act)) refuse(l, `is the output layer with activation ${act}; expected softmax, sigmoid or linear`);
  const expandSigmoid = isHead && binarySigmoid;
  return {
    kind: 'linear',
    name: l.name,
    names: [l.name],
    op,
    activation: isHead ? null : elementwiseActivation(l, act),
    weights() {
      const [kernel, bias] = l.getWeights();
      if (!expandSigmoid) return { kernel, bias: bias ?? null };
      // One sigmoid unit z is read as two classes with logits [−z/2, z/2] (core/model.ts).
      return {
        kernel: tf.concat([tf.mul(kernel, -0.5), tf.mul(kernel, 0.5)], -1),
        bias: bias ? tf.concat([tf.mul(bias, -0.5), tf.mul(bias, 0.5)]) : null,
      };
    },
  };
}

function poolStep(l: tf.layers.Layer, mode: 'max' | 'avg'): PoolStep {
  const cfg = cfgOf(l);
  if (cfg.dataFormat === 'channelsFirst') refuse(l, 'uses channelsFirst; only channelsLast is supported');
  const pool = pair(cfg.poolSize, [2, 2]);
  const padding = cfg.padding === 'same' ? 'same' : 'valid';
  return { kind: 'pool', names: [l.name], mode, geometry: { pool, strides: pair(cfg.strides, pool), padding }, layer: l };
}

/** Folds BN `bn` into the linear step just before it, or refuses. */
function foldInto(prev: Step | undefined, bn: tf.layers.Layer): LinearStep {
  const axis = Number(cfgOf(bn).axis ?? -1);
  const rank = (bn.input as tf.SymbolicTensor).shape.length;
  if (axis !== -1 && axis !== rank - 1) refuse(bn, `normalises axis ${axis}; only the last (channel) axis is supported`);
  if (!prev || prev.kind !== 'linear' || prev.activation !== null || prev.names.length > 1) {
    const after = prev ? `follows '${prev.names[prev.names.length - 1]}'` : 'comes first';
    refuse(
      bn,
      `${after}; LRP folds BatchNormalization into a directly preceding Dense or Conv2D with linear activation, so this model is not ` +
      `supported`,
    );
  }
  const inner = prev.weights;
  return {
    ...prev,
    names: [...prev.names, bn.name],
    weights() {
      const w = inner();
      return foldBatchNorm(w.kernel, w.bias, batchNormScaleShift(bn));
    },
  };
}

export function planFor(model: Model): Plan {
  const { net } = layersOf(model, 'lrp');
  const layers = chainOf(net);
  const inputNames = net.inputs.map((t) => t.sourceLayer.name);
  const last = layers[layers.length - 1];
  const lastAct = String(cfgOf(last).activation ?? '');
  const dropLast = last.getClassName() === 'Softmax' || (last.getClassName() === 'Activation' && lastAct === 'softmax');
  if (dropLast && model.score) refuse(last, 'is a softmax taken as part of a score model\'s output; LRP explains a linear output');
  const body = dropLast ? layers.slice(0, -1) : layers;
  const headIndex = body.length - 1;
  const binarySigmoid = model.numClasses === 2 && last.getClassName() === 'Dense' && lastAct === 'sigmoid';
  const steps: Step[] = [];
  body.forEach((l, i) => {
    const cls = l.getClassName();
    if (cls === 'InputLayer') return;
    if (cls === 'Dense' || cls === 'Conv2D') steps.push(linearStep(l, i === headIndex, binarySigmoid, model.score));
    else if (cls === 'BatchNormalization') steps[steps.length - 1] = foldInto(steps[steps.length - 1], l);
    else if (cls === 'MaxPooling2D') steps.push(poolStep(l, 'max'));
    else if (cls === 'AveragePooling2D') steps.push(poolStep(l, 'avg'));
    else if (cls === 'Flatten' || cls === 'Reshape') steps.push({ kind: 'reshape', names: [l.name], layer: l });
    else if (PASS_CLASSES.has(cls)) {
      if (cls === 'Activation' && String(cfgOf(l).activation) === 'softmax') {
        refuse(l, 'is a softmax before the last layer; it is not elementwise');
      }
      steps.push({ kind: 'pass', names: [l.name], layer: l });
    } else refuse(l, `is not supported by LRP (supported: ${SUPPORTED})`);
    if (i === headIndex && steps[steps.length - 1]?.kind !== 'linear') {
      refuse(l, 'is the last layer before the output; LRP explains the logit of a final Dense or Conv2D layer');
    }
  });
  if (dropLast) steps[steps.length - 1].names.push(last.name);
  if (!steps.some((s) => s.kind === 'linear')) throw new UserError(`lrp: ${model.source} has no Dense or Conv2D layer to explain`);
  return { steps, inputNames };
}

/** Every layer name whose relevance can be asked for with `layer=`. */
export function layerNames(plan: Plan): string[] {
  return [...plan.inputNames, ...plan.steps.flatMap((s) => s.names)];
}
