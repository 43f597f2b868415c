/**
 * Whether a tfjs network is a plain chain: one input, one output, and every layer (input layers left
 * out) taking the previous layer's output alone, once. Walking such a network layer by layer is the
 * same computation as tfjs's own execution of it.
 */
import type * as tf from '@tensorflow/tfjs';

function sole<T>(read: () => T | T[]): T | null {
  try {
    const v = read();
    return Array.isArray(v) ? null : v;
  } catch {
    return null; // a layer called more than once has no single input or output
  }
}

/** The layers from input to output when the network is a plain chain, else null. */
export function gradientChainLayers(net: tf.LayersModel): tf.layers.Layer[] | null {
  if (net.inputs.length !== 1 || net.outputs.length !== 1) return null;
  const layers = net.layers.filter((l) => l.getClassName() !== 'InputLayer');
  let feed: tf.SymbolicTensor = net.inputs[0];
  for (const layer of layers) {
    const inp = sole(() => layer.input);
    const out = sole(() => layer.output);
    if (inp === null || out === null || inp.id !== feed.id) return null;
    feed = out;
  }
  return layers.length > 0 && feed.id === net.outputs[0].id ? layers : null;
}
