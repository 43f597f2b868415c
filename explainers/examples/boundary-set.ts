/**
 * The smallest supporting generative boundary set (Jeon, Jeong & Choi 2020, our reconstruction
 * in generative-boundaries.md): a keep-probability theta_i = sigmoid(phi_i) per unit of the chosen layer,
 * relaxed-Bernoulli (Concrete) masks m = sigmoid((logit theta + log u - log(1 - u)) / temperature),
 * and Adam on
 *
 *   L(theta) = E_m || f_{l+1:L}(m * a_l(z0)) - G(z0) ||^2  +  lambda * ||theta||_1
 *
 * (squared error summed over output elements; the expectation by `mcSamples` masks per step). The set
 * is {i : theta_i > 0.5}. The paper's exact objective weights are not available to us: every choice
 * here (the sum of squares, the L1 on theta, phi's start, Adam's rate) is a parameter or stated.
 *
 * Gradient steps run in tf directly (the engine has no masked-layer pass) and are counted on the
 * engine: each step is mcSamples forward and mcSamples gradient passes of the generator's tail.
 */
import * as tf from '@tensorflow/tfjs';
import type { Engine } from '../../core/engine.js';
import type { Model } from '../../core/model.js';
import type { Rng } from '../../core/rng.js';
import { outputFromLayer, postActivations } from './generator-layers.js';

export interface BoundarySetOptions {
  readonly layer: number;
  readonly lambda: number;
  readonly temperature: number;
  readonly steps: number;
  readonly learningRate: number;
  readonly mcSamples: number;
  /** phi's starting value (theta = sigmoid(initLogit); 2 gives 0.88, so untouched units start kept). */
  readonly initLogit: number;
}

export interface BoundarySet {
  /** Units with keep-probability above 0.5, ascending. */
  readonly units: number[];
  /** Keep-probability per unit of the layer after optimisation. */
  readonly keepProbability: Float32Array;
  /** Mean squared error per output element of the hard mask's output against G(z0). */
  readonly reconstructionError: number;
  /** The same error with every unit of the layer masked (the scale the first is read against). */
  readonly reconstructionErrorAllOff: number;
  readonly layerUnits: number;
}

export function findBoundarySet(gen: Model, engine: Engine, z0: Float32Array, o: BoundarySetOptions, rng: Rng): BoundarySet {
  const k = z0.length;
  const mc = o.mcSamples;
  const a = tf.tidy(() => postActivations(gen, o.layer, tf.tensor2d(z0, [1, k])));
  const target = outputFromLayer(gen, o.layer, a);
  const n = a.shape[1];
  // Built inside tidy: tf.variable keeps its own copy of the fill, and Adam's constructor leaves a
  // scalar behind outside a scope; the variables survive tidy and are disposed below.
  const phi = tf.tidy(() => tf.variable(tf.fill([1, n], o.initLogit), true));
  let optimizer!: tf.Optimizer;
  tf.tidy(() => {
    optimizer = tf.train.adam(o.learningRate);
  });
  try {
    for (let step = 0; step < o.steps; step++) {
      // Logistic noise log u - log(1 - u) from the seeded stream; u is kept away from 0 and 1.
      const noise = new Float32Array(mc * n);
      for (let i = 0; i < noise.length; i++) {
        const u = Math.min(1 - 1e-6, Math.max(1e-6, rng.next()));
        noise[i] = Math.log(u) - Math.log(1 - u);
      }
      tf.tidy(() => {
        const g = tf.tensor2d(noise, [mc, n]);
        optimizer.minimize(
          () => {
            // logit(theta) = phi, so the Concrete sample is sigmoid((phi + g) / temperature).
            const m = tf.sigmoid(phi.add(g).div(o.temperature));
            const out = outputFromLayer(gen, o.layer, m.mul(a) as tf.Tensor2D);
            const recon = out.sub(target).square().sum(1).mean();
            return recon.add(tf.sigmoid(phi).sum().mul(o.lambda)) as tf.Scalar;
          },
          false,
          [phi],
        );
      });
    }
    engine.count({ forwardPasses: o.steps * mc, gradientPasses: o.steps * mc });
    const keepProbability = tf.tidy(() => tf.sigmoid(phi).dataSync() as Float32Array);
    const units: number[] = [];
    keepProbability.forEach((p, i) => {
      if (p > 0.5) units.push(i);
    });
    const hard = new Float32Array(n);
    for (const u of units) hard[u] = 1;
    const [reconstructionError, reconstructionErrorAllOff] = tf.tidy(() => {
      const errOf = (mask: Float32Array) => outputFromLayer(
        gen,
        o.layer,
        a.mul(tf.tensor2d(mask, [1, n])) as tf.Tensor2D,
      ).sub(target).square().mean().dataSync()[0];
      return [errOf(hard), errOf(new Float32Array(n))];
    });
    engine.count({ forwardPasses: 3 });
    return { units, keepProbability, reconstructionError, reconstructionErrorAllOff, layerUnits: n };
  } finally {
    optimizer.dispose();
    tf.dispose([phi, a, target]);
  }
}
