/**
 * Reads a model as a chain of Dense layers for decompositional rule extraction (DeepRED), and computes
 * every layer's activations for a set of rows in plain arithmetic (the extractor needs all hidden
 * activations of the training rows once; the caller counts those rows as forward passes on the
 * engine). Anything that is not a Dense network is refused with a UserError naming the layer.
 */
import type * as tf from '@tensorflow/tfjs';
import { UserError } from '../../core/errors.js';
import { layersOf, type Model } from '../../core/model.js';

export type Activation = 'relu' | 'sigmoid' | 'tanh' | 'linear';

export interface DenseLayer {
  readonly name: string;
  readonly inputs: number;
  readonly units: number;
  /** inputs x units, row-major (Keras kernel layout). */
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  /** Hidden layers' activation; the head's is undone (argmax of its pre-activation is the class). */
  readonly activation: Activation;
}

const PASS = new Set(['Dropout', 'InputLayer', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);
const HIDDEN_ACTIVATIONS = new Set<string>(['relu', 'sigmoid', 'tanh', 'linear']);

function activationOf(l: tf.layers.Layer): string {
  const a = (l.getConfig() as { activation?: unknown }).activation;
  return typeof a === 'string' ? a : 'linear';
}

export function denseChain(model: Model, who: string): DenseLayer[] {
  const out: { layer: DenseLayer; mutable: { activation: Activation } }[] = [];
  const { layers } = layersOf(model, who);
  layers.forEach((l, i) => {
    const cls = l.getClassName();
    if (PASS.has(cls) || (cls === 'Flatten' && i === 0)) return;
    if (cls === 'Activation' || cls === 'ReLU') {
      const act = cls === 'ReLU' ? 'relu' : activationOf(l);
      const prev = out[out.length - 1];
      const isHead = i === layers.length - 1;
      if (!prev || prev.mutable.activation !== 'linear' || (!isHead && !HIDDEN_ACTIVATIONS.has(act))) {
        throw new UserError(
          `${who}: layer '${l.name}' (${cls} ${act}) must follow a linear Dense layer; ${who} extracts rules from Dense networks with ` +
          `relu, sigmoid or tanh units`);
      }
      if (!isHead) prev.mutable.activation = act as Activation;
      return;
    }
    if (cls !== 'Dense') {
      throw new UserError(
        `${who}: layer '${l.name}' is ${cls}; ${who} extracts rules from Dense networks only (Dense with relu, sigmoid, tanh or linear ` +
        `units, Dropout)`);
    }
    const headLayer = (name: string) => PASS.has(name) || name === 'Activation' || name === 'Softmax';
    const isHead = layers.slice(i + 1).every((m) => headLayer(m.getClassName()));
    const act = activationOf(l);
    if (!isHead && !HIDDEN_ACTIVATIONS.has(act)) {
      throw new UserError(`${who}: hidden layer '${l.name}' has activation '${act}'; supported: relu, sigmoid, tanh, linear`);
    }
    const [k, b] = l.getWeights();
    const kernel = k.dataSync() as Float32Array;
    const units = k.shape[1] ?? 0;
    const bias = b ? (b.dataSync() as Float32Array) : new Float32Array(units);
    const mutable = { activation: (isHead ? 'linear' : act) as Activation };
    const layer = {
      name: l.name,
      inputs: k.shape[0] ?? 0,
      units,
      kernel: Float32Array.from(kernel),
      bias: Float32Array.from(bias),
      get activation() {
        return mutable.activation;
      },
    };
    out.push({ layer, mutable });
  });
  if (out.length === 0) throw new UserError(`${who}: the model has no Dense layer`);
  if (model.inputShape.length !== 1) {
    throw new UserError(`${who}: expects a model over a feature vector; this one takes inputs of shape [${model.inputShape.join(', ')}]`);
  }
  return out.map((o) => o.layer);
}

function activate(v: number, a: Activation): number {
  if (a === 'relu') return v > 0 ? v : 0;
  if (a === 'sigmoid') return 1 / (1 + Math.exp(-v));
  if (a === 'tanh') return Math.tanh(v);
  return v;
}

/**
 * Activations of every layer for n rows: [inputs, hidden 1, ..., hidden k-1, head pre-activation],
 * each n x width row-major.
 */
export function layerActivations(chain: readonly DenseLayer[], x: Float32Array, n: number): Float32Array[] {
  const acts: Float32Array[] = [x];
  let cur = x;
  for (const L of chain) {
    const next = new Float32Array(n * L.units);
    const row = new Float64Array(L.units);
    for (let i = 0; i < n; i++) {
      row.set(L.bias);
      for (let a = 0; a < L.inputs; a++) {
        const v = cur[i * L.inputs + a];
        if (v === 0) continue;
        const off = a * L.units;
        for (let u = 0; u < L.units; u++) row[u] += v * L.kernel[off + u];
      }
      for (let u = 0; u < L.units; u++) next[i * L.units + u] = activate(row[u], L.activation);
    }
    acts.push(next);
    cur = next;
  }
  return acts;
}
