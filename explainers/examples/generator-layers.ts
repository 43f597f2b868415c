/**
 * Access to a generator's internal layer for generative boundaries (Jeon, Jeong & Choi 2020): the
 * pre-activation h(z) of hidden Dense layer l (its sign decides whether unit i is on: the boundary
 * B_i = {z : h_i(z) = 0}), the post-activation a_l(z), and the rest of the network applied to a
 * (masked) a_l. The pre-activation network is a Model (Dense l rebuilt with a linear activation, its
 * weights shared), so membership tests run through an Engine and are counted.
 */
import * as tf from '@tensorflow/tfjs';
import { UserError } from '../../core/errors.js';
import { layersOf, type Model, wrapModel } from '../../core/model.js';

/** The Dense layers of a generator: hidden ones (ReLU) then the output layer. */
function denseLayers(gen: Model): tf.layers.Layer[] {
  const dense = layersOf(gen, 'generative boundaries').net.layers.filter((l) => l.getClassName() === 'Dense');
  if (dense.length < 2) throw new UserError(`${gen.source}: a generator needs at least one hidden Dense layer before its output layer`);
  for (const l of dense.slice(0, -1)) {
    const act = (l.getConfig() as { activation?: unknown }).activation;
    if (act !== 'relu') {
      throw new UserError(`${gen.source}: hidden layer ${l.name} has activation ${String(act)}; generative boundaries need ReLU units`);
    }
  }
  if (dense.length !== layersOf(gen, 'generative boundaries').net.layers.filter((l) => l.getClassName() !== 'InputLayer').length) {
    throw new UserError(`${gen.source}: generative boundaries support generators made of Dense layers only`);
  }
  return dense;
}

export function hiddenLayer(gen: Model, layer: number): tf.layers.Layer {
  const hidden = denseLayers(gen).slice(0, -1);
  if (!Number.isInteger(layer) || layer < 1 || layer > hidden.length) {
    throw new UserError(`layer: ${layer} is not a hidden layer of ${gen.source} (1..${hidden.length})`);
  }
  return hidden[layer - 1];
}

const preCache = new WeakMap<Model, Map<number, Promise<Model>>>();

/**
 * The network z -> h_l(z) (pre-activations of hidden layer `layer`), built once per generator and
 * layer and cached for the generator's lifetime (its one new Dense layer holds copies of layer l's
 * weights; the earlier layers are shared).
 */
export function preActivationModel(gen: Model, layer: number): Promise<Model> {
  let byLayer = preCache.get(gen);
  if (!byLayer) preCache.set(gen, (byLayer = new Map()));
  let p = byLayer.get(layer);
  if (!p) {
    const target = hiddenLayer(gen, layer);
    const cfg = { ...(target.getConfig() as Record<string, unknown>), activation: 'linear', name: `${target.name}_pre` };
    const copy = tf.layers.dense(cfg as unknown as Parameters<typeof tf.layers.dense>[0]);
    const out = copy.apply(target.input as tf.SymbolicTensor) as tf.SymbolicTensor;
    copy.setWeights(target.getWeights());
    p = wrapModel(tf.model({ inputs: layersOf(gen, 'generative boundaries').net.inputs, outputs: out }), `${gen.source}#${target.name}-pre`);
    byLayer.set(layer, p);
  }
  return p;
}

/** a_l(z): post-activations of hidden layer `layer` for latents z [n, k]. Caller owns the result. */
export function postActivations(gen: Model, layer: number, z: tf.Tensor2D): tf.Tensor2D {
  const dense = denseLayers(gen);
  return tf.tidy(() => {
    let h: tf.Tensor = z;
    for (let i = 0; i < layer; i++) h = dense[i].apply(h) as tf.Tensor;
    return h as tf.Tensor2D;
  });
}

/** The generated output (after the final activation) from layer-`layer` post-activations a [n, N]. */
export function outputFromLayer(gen: Model, layer: number, a: tf.Tensor2D): tf.Tensor2D {
  const dense = denseLayers(gen);
  return tf.tidy(() => {
    let h: tf.Tensor = a;
    for (let i = layer; i < dense.length; i++) h = dense[i].apply(h) as tf.Tensor;
    return h as tf.Tensor2D;
  });
}
