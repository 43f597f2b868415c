/**
 * Switching between tfjs's stock input-gradient path and the engine's, for the before/after benchmarks
 * (peer-compare.ts, gradient-profile.ts). Stock: tfjs's wasm Conv2DBackpropInput and MaxPoolGrad
 * kernels, its FusedBatchNorm gradient, and the plain tape (filter gradients computed) through the
 * network as loaded (batch norms unfolded); the engine's: core/wasm-conv-input-grad.ts,
 * wasm-max-pool-grad.ts, batch-norm-grad.ts, core/fold-batch-norm.ts and Engine.gradients() with the
 * hand-derived backward pass of core/backward/.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { useBackend } from '../../core/backend.js';
import type { Batch } from '../../core/batch.js';
import type { Model } from '../../core/model.js';

const KERNELS = ['Conv2DBackpropInput', 'MaxPoolGrad'];

interface Paths {
  /** Runs f with tfjs's stock kernels and gradients installed, then puts the engine's back. */
  withStock<T>(f: () => T): T;
}

function snapshot(): () => void {
  const kernels = KERNELS.map((n) => ({ ...tf.getKernel(n, 'wasm')! }));
  const grad = { ...tf.getGradient('FusedBatchNorm')! };
  return () => {
    for (const k of kernels) {
      tf.unregisterKernel(k.kernelName, k.backendName);
      tf.registerKernel(k);
    }
    tf.registerGradient(grad);
  };
}

/** Initialises wasm, keeping tfjs's stock kernels aside before useBackend('wasm') replaces them. */
export async function wasmWithStockAside(): Promise<Paths> {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  await tf.ready();
  const stock = snapshot();
  await useBackend('wasm');
  const ours = snapshot();
  return {
    withStock<T>(f: () => T): T {
      stock();
      try {
        return f();
      } finally {
        ours();
      }
    },
  };
}

/** core/engine.ts's gradients() before the engine's kernels: the plain tape through the unfolded logits net, target 0 of every row. */
export function tapeGradient(model: Model, batch: Batch): Float32Array {
  const { logitsNet } = model.layered!;
  const g = tf.tidy(() => {
    const mask = tf.oneHot(tf.zeros([batch.n], 'int32') as tf.Tensor1D, model.numClasses);
    const run = (x: tf.Tensor) => logitsNet.apply(x, { training: false }) as tf.Tensor;
    return tf.grad((x: tf.Tensor) => run(x).mul(mask).sum())(tf.tensor(batch.data, [batch.n, ...batch.sampleShape]));
  });
  return readOnce(g);
}

/** The forward pass before core/fold-batch-norm.ts: the network as loaded, probabilities. */
export function stockForward(model: Model, batch: Batch): Float32Array {
  const { net } = model.layered!;
  return readOnce(tf.tidy(() => net.apply(tf.tensor(batch.data, [batch.n, ...batch.sampleShape]), { training: false }) as tf.Tensor));
}

function readOnce(t: tf.Tensor): Float32Array {
  try {
    return t.dataSync() as Float32Array;
  } finally {
    t.dispose();
  }
}
