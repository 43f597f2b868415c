/**
 * Dense: y = act(x W + b), so dx = act'(y) dy W^T (the a-gradient of tfjs's fused matMul, tfjs-core
 * ops/fused/mat_mul.ts). The bias and kernel gradients are not computed: an input gradient needs neither.
 */
import * as tf from '@tensorflow/tfjs';
import { activationGrad, activationRefusal } from './activation-grad.js';
import { configOf, registerBackwardRule } from './rules.js';

/** The layer's kernel variable (tfjs-layers keeps it as `kernel` on Dense and Conv layers). */
export function kernelOf<T extends tf.Tensor>(layer: tf.layers.Layer): T {
  const kernel = (layer as unknown as { kernel?: { read(): T } }).kernel;
  if (!kernel) throw new Error(`${layer.getClassName()} layer '${layer.name}' has no kernel`);
  return kernel.read();
}

registerBackwardRule('Dense', {
  refuses: (layer) => activationRefusal(configOf(layer).activation),
  backward(layer, pass, dy) {
    if (pass.x.rank !== 2) throw new Error(`Dense layer '${layer.name}': input of rank ${pass.x.rank}`);
    const dz = activationGrad(configOf(layer).activation, pass.y, dy);
    // W^T is materialised (a small copy) because tfjs's wasm BatchMatMul runs a transposed operand in
    // a plain loop and an untransposed one in XNNPACK: on the breast-cancer MLP the transposed product
    // took 80% of the gradient's kernel time (tools/bench/results/gradient-profile.md).
    return tf.matMul(dz, tf.transpose(kernelOf(layer)));
  },
});
