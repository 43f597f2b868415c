/**
 * Inference copies of a network with each BatchNormalization folded into the convolution or Dense
 * layer before it: W' = W * s and b' = (b - mean) * s + beta per output channel, s = gamma /
 * sqrt(variance + eps) (Ioffe & Szegedy 2015, "Batch Normalization", section 3.2: in inference the
 * transform is linear and can be composed with the layer before it), and a ReLU Activation layer after
 * it fused into the same layer. On the wasm backend tfjs's BatchNorm kernel took a third of the deeper
 * MNIST CNN's forward pass (tools/bench/results/gradient-profile.md); folded, the block is one XNNPACK
 * convolution. The outputs agree with the unfolded network's to float32 rounding (fold-batch-norm.test.ts).
 * Only plain chains are folded; anything else is left as it is.
 */
import * as tf from '@tensorflow/tfjs';
import { gradientChainLayers } from './backward/chain-layers.js';
import { normalisesLastAxis, type BatchNormParts } from './backward/batch-norm-rule.js';
import { configOf } from './backward/rules.js';

type Config = Record<string, unknown>;

/** A fresh layer of the same class from a configuration (tfjs's serialization registry). */
function layerFrom(className: string, config: Config): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`no tfjs layer class ${className}`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config as tf.serialization.ConfigDict) as unknown as tf.layers.Layer;
}

function isLastAxisBatchNorm(layer: tf.layers.Layer | undefined, rank: number): boolean {
  return layer !== undefined && layer.getClassName() === 'BatchNormalization' && normalisesLastAxis(layer, rank);
}

function foldable(layer: tf.layers.Layer, next: tf.layers.Layer | undefined): boolean {
  const cls = layer.getClassName();
  if (cls !== 'Conv2D' && cls !== 'Dense') return false;
  const act = configOf(layer).activation;
  const rank = (layer.output as tf.SymbolicTensor).shape.length;
  return (act === undefined || act === 'linear') && isLastAxisBatchNorm(next, rank);
}

/** [W', b'] of a layer with the batch norm after it folded in. */
function foldedWeights(layer: tf.layers.Layer, bn: tf.layers.Layer): tf.Tensor[] {
  return tf.tidy(() => {
    const parts = bn as unknown as BatchNormParts;
    const [kernel, bias] = layer.getWeights();
    const inv = tf.rsqrt(tf.add(parts.movingVariance.read(), tf.scalar(parts.epsilon)));
    const s = parts.gamma ? tf.mul(inv, parts.gamma.read()) : inv;
    const shifted = tf.mul(bias ? tf.sub(bias, parts.movingMean.read()) : tf.neg(parts.movingMean.read()), s);
    return [tf.mul(kernel, s), parts.beta ? tf.add(shifted, parts.beta.read()) : shifted];
  });
}

/** A ReLU (or linear) Activation layer right after the batch norm goes into the folded layer. */
function fusedActivation(layer: tf.layers.Layer | undefined): 'relu' | 'linear' | null {
  if (!layer || layer.getClassName() !== 'Activation') return null;
  const act = configOf(layer).activation;
  return act === 'relu' || act === 'linear' ? act : null;
}

/**
 * The network with its foldable batch norms folded, as a new model that owns copies of the weights, or
 * null when there is nothing to fold. The caller disposes it.
 */
export function foldBatchNorms(net: tf.LayersModel): tf.LayersModel | null {
  const layers = gradientChainLayers(net);
  if (layers === null || !layers.some((l, i) => foldable(l, layers[i + 1]))) return null;
  const input = tf.input({ shape: net.inputs[0].shape.slice(1) as number[] });
  let h: tf.SymbolicTensor = input;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    if (foldable(layer, layers[i + 1])) {
      const act = fusedActivation(layers[i + 2]);
      const copy = layerFrom(layer.getClassName(), { ...configOf(layer), useBias: true, activation: act ?? 'linear', name: `${layer.name}_folded` });
      h = copy.apply(h) as tf.SymbolicTensor;
      const ws = foldedWeights(layer, layers[i + 1]);
      copy.setWeights(ws);
      ws.forEach((w) => w.dispose());
      i += act === null ? 1 : 2;
      continue;
    }
    const copy = layerFrom(layer.getClassName(), { ...configOf(layer), name: `${layer.name}_folded` });
    h = copy.apply(h) as tf.SymbolicTensor;
    const ws = layer.getWeights();
    copy.setWeights(ws);
  }
  return tf.model({ inputs: input, outputs: h });
}
