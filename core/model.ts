/**
 * The Model wrapper (docs/formats.md, "Model"): probabilities, logits (the last layer's softmax or sigmoid removed),
 * shape facts, a content hash, and seeded randomised copies for sanity checks.
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { UserError } from './errors.js';
import { loadLayersModel, readModelArtifacts } from './model-io.js';
import type { Rng } from './rng.js';
import { randomiseStream } from './streams.js';
import type { Need } from './vocabulary.js';
import type { Model } from './model-types.js';
import { loadOnnxModel } from './onnx/onnx-model.js';
import { chainInputGradient, gradientChain } from './backward/input-gradient.js';
import { foldBatchNorms } from './fold-batch-norm.js';
import type { OutputKind } from './model-types.js';

export { layersOf, type Model, type OutputKind } from './model-types.js';

/** What a LayersModel offers explainers. */
const LAYERS_OFFERS: readonly Need[] = ['predict', 'gradients', 'layers'];

/**
 * How the model's output is read. 'classes': a classifier (softmax, sigmoid, or linear logits over two
 * or more classes). 'score': each output unit is explained as is, a score with no classes behind it;
 * a one-output linear model is read so by default, any other last layer on request (`--output score`).
 */
export type OutputMode = 'classes' | 'score';

interface LoadOptions {
  /** 'score': explain the last layer's output as is, whatever its activation (`--output score`). */
  readonly output?: OutputMode;
}

/** How the final activation is undone to get logits. */
type Head =
  | { kind: 'softmax-dense' }
  | { kind: 'softmax-layer' }
  | { kind: 'sigmoid-dense' }
  | { kind: 'linear' }
  | { kind: 'score' };

function activationName(layer: tf.layers.Layer): string | undefined {
  const cfg = layer.getConfig() as { activation?: unknown };
  return typeof cfg.activation === 'string' ? cfg.activation : undefined;
}

function detectHead(net: tf.LayersModel, source: string, mode: OutputMode | undefined): Head {
  if (mode === 'score') return { kind: 'score' };
  const last = net.layers[net.layers.length - 1];
  const cls = last.getClassName();
  const act = activationName(last);
  if (cls === 'Dense' && act === 'softmax') return { kind: 'softmax-dense' };
  if (cls === 'Dense' && act === 'sigmoid') return { kind: 'sigmoid-dense' };
  if ((cls === 'Activation' && act === 'softmax') || cls === 'Softmax') return { kind: 'softmax-layer' };
  if (cls === 'Dense' && act === 'linear') return outputUnits(net) === 1 ? { kind: 'score' } : { kind: 'linear' };
  throw new UserError(
    `${source}: the last layer is ${cls}${act ? ` with activation ${act}` : ''}; ` +
      'expected Dense with softmax, sigmoid or linear activation, or a softmax Activation layer ' +
      '(--output score explains the last layer\'s output as is)',
  );
}

function outputUnits(net: tf.LayersModel): number {
  const shape = net.outputs[0].shape;
  return shape[shape.length - 1] ?? 0;
}

/** Builds the logits network: the final Dense layer rebuilt with a linear activation, weights shared. */
function buildLogitsNet(net: tf.LayersModel, head: Head): tf.LayersModel {
  if (head.kind === 'linear' || head.kind === 'score') return net;
  const last = net.layers[net.layers.length - 1];
  const before = last.input as tf.SymbolicTensor;
  if (head.kind === 'softmax-layer') return tf.model({ inputs: net.inputs, outputs: before });
  const cfg = { ...(last.getConfig() as Record<string, unknown>), activation: 'linear', name: `${last.name}_logits` };
  const dense = tf.layers.dense(cfg as unknown as Parameters<typeof tf.layers.dense>[0]);
  const out = dense.apply(before) as tf.SymbolicTensor;
  dense.setWeights(last.getWeights());
  return tf.model({ inputs: net.inputs, outputs: out });
}

/** How a model's outputs are read from its last layer. */
interface HeadFacts {
  readonly head: Head;
  /** One sigmoid unit read as two classes. */
  readonly binarySigmoid: boolean;
  readonly score: boolean;
}

/** Whether probabilities come from the net's own last layer (its softmax or sigmoid) rather than from the logits. */
function readsNetOutput(how: HeadFacts, output: OutputKind): boolean {
  return output === 'probability' && !how.binarySigmoid && !how.score && how.head.kind !== 'linear';
}

/**
 * The hand-derived input gradient (core/backward/) when the logits net is a chain with rules, else
 * undefined and the engine keeps the tape. The output layer and the head run under the tape on the
 * penultimate tensor h, through the layers apply() runs: the net's own last layer where probabilities
 * come from it (a softmax or sigmoid Dense replaces the logits Dense; a softmax Activation follows it).
 */
function chainGradientOf(runNet: tf.LayersModel, runLogitsNet: tf.LayersModel, how: HeadFacts): Model['inputGradient'] {
  const chain = gradientChain(runLogitsNet);
  if (typeof chain === 'string') return undefined;
  const netLast = runNet.layers[runNet.layers.length - 1];
  const tailOf = (output: OutputKind): tf.layers.Layer[] => {
    if (!readsNetOutput(how, output)) return [chain.last];
    return how.head.kind === 'softmax-layer' ? [chain.last, netLast] : [netLast];
  };
  return (x, output, mask) =>
    chainInputGradient(chain, x, (h) => {
      const tail = tailOf(output);
      const run = (t: tf.Tensor): tf.Tensor2D => {
        const out = tail.reduce((a, layer) => layer.apply(a, { training: false }) as tf.Tensor, t) as tf.Tensor2D;
        return readsNetOutput(how, output) ? out : headOutput(out, output, how);
      };
      return tf.grad((t: tf.Tensor) => run(t).mul(mask).sum())(h);
    });
}

/**
 * The outputs read from the logits z. One sigmoid unit z is read as two classes with logits [-z/2, z/2]:
 * their softmax is [1 - sigmoid(z), sigmoid(z)], so probabilities and logits stay consistent. A score
 * has no classes to take a softmax over: both output kinds read it as is.
 */
function headOutput(z: tf.Tensor2D, output: OutputKind, how: HeadFacts): tf.Tensor2D {
  if (how.binarySigmoid) {
    const logits = tf.concat([z.mul(-0.5), z.mul(0.5)], 1) as tf.Tensor2D;
    return output === 'logit' ? logits : (tf.softmax(logits) as tf.Tensor2D);
  }
  if (output === 'logit' || how.score) return z;
  return tf.softmax(z) as tf.Tensor2D;
}

function hashArtifacts(topology: unknown, weights: ArrayBuffer): string {
  return createHash('sha256').update(JSON.stringify(topology)).update(new Uint8Array(weights)).digest('hex');
}

async function artifactsOf(net: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await net.save(
    tf.io.withSaveHandler(async (a) => {
      captured = a;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  if (!captured) throw new Error('model could not be serialised');
  const a = captured as tf.io.ModelArtifacts;
  const wd = a.weightData;
  return { ...a, weightData: wd === undefined ? new ArrayBuffer(0) : Array.isArray(wd) ? tf.io.concatenateArrayBuffers(wd) : wd };
}

/** Wraps an in-memory LayersModel. */
export async function wrapModel(net: tf.LayersModel, source = 'memory', opts: LoadOptions = {}): Promise<Model> {
  const a = await artifactsOf(net);
  return makeModel(net, source, hashArtifacts(a.modelTopology, a.weightData as ArrayBuffer), opts);
}

function makeModel(net: tf.LayersModel, source: string, hash: string, opts: LoadOptions): Model {
  if (net.inputs.length !== 1 || net.outputs.length !== 1) {
    throw new UserError(`${source}: expected a model with one input and one output, got ${net.inputs.length} and ${net.outputs.length}`);
  }
  const head = detectHead(net, source, opts.output);
  const logitsNet = buildLogitsNet(net, head);
  // What apply() and the gradients run: the net itself, or its copy with batch norms folded.
  const folded = foldBatchNorms(net);
  const runNet = folded ?? net;
  const runLogitsNet = folded ? buildLogitsNet(folded, head) : logitsNet;
  const units = outputUnits(net);
  const score = head.kind === 'score';
  const binarySigmoid = head.kind === 'sigmoid-dense' && units === 1;
  const numClasses = binarySigmoid ? 2 : units;
  const inputShape = net.inputs[0].shape.slice(1).map((d, i) => {
    if (d === null) throw new UserError(`${source}: input dimension ${i + 1} is not fixed`);
    return d;
  });
  const how: HeadFacts = { head, binarySigmoid, score };
  const hiddenNets = new Map<string, tf.LayersModel>();
  let featureNet: tf.LayersModel | null = null;
  const model: Model = {
    source,
    format: 'tfjs-layers',
    offers: LAYERS_OFFERS,
    layered: { net, logitsNet, layers: net.layers },
    weightedParts: net.layers.filter((l) => l.weights.length > 0).map((l) => l.name),
    numClasses,
    score,
    inputShape,
    layout: 'channels-last',
    hash,
    apply(x, output) {
      return tf.tidy(() => {
        // A softmax head is run as the net's own last layer, as it always was (the same float32 values).
        if (readsNetOutput(how, output)) return runNet.apply(x, { training: false }) as tf.Tensor2D;
        return headOutput(runLogitsNet.apply(x, { training: false }) as tf.Tensor2D, output, how);
      });
    },
    inputGradient: chainGradientOf(runNet, runLogitsNet, how),
    penultimate(x) {
      if (featureNet === null) {
        const last = logitsNet.layers[logitsNet.layers.length - 1];
        featureNet = tf.model({ inputs: logitsNet.inputs, outputs: last.input as tf.SymbolicTensor });
      }
      return featureNet.predict(x) as tf.Tensor;
    },
    hidden(x, name) {
      let sub = hiddenNets.get(name);
      if (!sub) {
        const layer = net.layers.find((l) => l.name === name);
        if (!layer) throw new RangeError(`no layer named '${name}' in ${source}`);
        // Shares the model's layers and weights: nothing of its own to dispose.
        sub = tf.model({ inputs: net.inputs, outputs: layer.output as tf.SymbolicTensor });
        hiddenNets.set(name, sub);
      }
      return sub.apply(x, { training: false }) as tf.Tensor;
    },
    randomised: (seed, scope) => randomisedCopy(net, source, seed, scope, score),
    dispose() {
      if (folded) disposeNets(folded, runLogitsNet);
      disposeNets(net, logitsNet);
    },
  };
  return model;
}

/**
 * Disposes a net and its logits net, which shares its layers with it but for a rebuilt last Dense (a
 * softmax Activation head's logits net is a prefix of the net and owns nothing).
 */
function disposeNets(net: tf.LayersModel, logitsNet: tf.LayersModel): void {
  const own = logitsNet.layers[logitsNet.layers.length - 1];
  if (logitsNet !== net && !net.layers.includes(own)) own.dispose();
  net.dispose();
}

/**
 * A copy of `net` whose layers named in `scope` (or all layers with weights) are re-initialised (see
 * Model.randomised).
 */
async function randomisedCopy(
  net: tf.LayersModel,
  source: string,
  seed: number,
  scope: 'all' | readonly string[],
  score: boolean,
): Promise<Model> {
  const a = await artifactsOf(net);
  const copy = await tf.loadLayersModel(tf.io.fromMemory(a));
  const names = scope === 'all' ? null : new Set(scope);
  if (names) {
    for (const n of names) {
      if (!copy.layers.some((l) => l.name === n)) throw new UserError(`randomised: no layer named '${n}' in ${source}`);
    }
  }
  for (const layer of copy.layers) {
    if (names && !names.has(layer.name)) continue;
    const ws = layer.getWeights();
    if (ws.length === 0) continue;
    const rng = randomiseStream(seed, layer.name);
    const kernel = ws.find((_, i) => /kernel/.test(layer.weights[i].name.split('/').pop() ?? ''));
    const fanIn = kernel ? kernel.shape.slice(0, -1).reduce((a, b) => a * b, 1) : 0;
    const fresh = layer.weights.map((w, i) => reinit(w.name, ws[i].shape, rng, fanIn));
    layer.setWeights(fresh);
    fresh.forEach((t) => t.dispose());
  }
  const name = `${source} (randomised seed ${seed}: ${scope === 'all' ? 'all layers' : scope.join(', ')})`;
  return wrapModel(copy, name, score ? { output: 'score' } : {});
}

function reinit(name: string, shape: number[], rng: Rng, fanIn: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(size);
  const base = name.split('/').pop() ?? name;
  if (/kernel/.test(base)) {
    // Glorot uniform: fan-in/fan-out from the last two axes times the receptive field.
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    const fanIn = (shape[shape.length - 2] ?? 1) * receptive;
    const fanOut = (shape[shape.length - 1] ?? 1) * receptive;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < size; i++) v[i] = rng.uniform(-limit, limit);
  } else if (/gamma|moving_variance/.test(base)) {
    v.fill(1);
  } else if (/bias/.test(base) && fanIn > 0) {
    const bound = 1 / Math.sqrt(fanIn);
    for (let i = 0; i < size; i++) v[i] = rng.uniform(-bound, bound);
  }
  return tf.tensor(v, shape);
}

/**
 * Loads a model: an .onnx file (core/onnx/), or a tfjs LayersModel from model.json (our filesystem IO
 * handler), wrapped.
 */
export async function loadModel(modelJsonPath: string, opts: LoadOptions = {}): Promise<Model> {
  if (/\.onnx$/i.test(modelJsonPath)) {
    if (opts.output === 'score') throw new UserError(`${modelJsonPath}: --output score is not supported for ONNX models yet`);
    return loadOnnxModel(modelJsonPath);
  }
  const a = readModelArtifacts(modelJsonPath);
  const net = await loadLayersModel(modelJsonPath);
  return makeModel(net, modelJsonPath, hashArtifacts(a.modelTopology, a.weightData as ArrayBuffer), opts);
}
