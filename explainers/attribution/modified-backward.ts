/**
 * Gradients with a method's own backward rule at each elementwise nonlinearity, the machinery DeepLIFT
 * (Shrikumar et al. 2017), guided backpropagation (Springenberg et al. 2015) and deconvnet (Zeiler &
 * Fergus 2014) share, as Captum implements all three by overriding the nonlinearities' backward pass.
 * The forward walk is LRP's layer plan (lrp/plan.ts, lrp/propagate.ts forwardStep): one walk over the
 * layers for every modified-backward method, LRP's relevance rules included. Linear layers, pooling and
 * reshapes keep their ordinary gradient; only the activations get the method's rule.
 *
 * Like LRP these methods walk the layers themselves, so they record their passes with engine.count.
 */
import * as tf from '@tensorflow/tfjs';
import { type Batch, sizeOf } from '../../core/batch.js';
import { type Engine, targetMask } from '../../core/engine.js';
import type { Plan } from './lrp/plan.js';
import { type ActivationHook, forwardStep, type Weights } from './lrp/propagate.js';

/** One nonlinearity met on the forward pass: its index in forward order, its layer and its input z. */
export interface NonlinearityAt {
  readonly index: number;
  readonly layer: tf.layers.Layer;
  readonly z: tf.Tensor;
}

/** A nonlinearity's gradient: dy (the gradient at its output) and its input z to dz. */
type Backward = (dy: tf.Tensor, z: tf.Tensor) => tf.Tensor;
/** The method's gradient through a nonlinearity; null keeps the ordinary derivative. */
export type BackwardRule = (at: NonlinearityAt) => Backward | null;

/** True for a plain ReLU (an Activation('relu') or an unparameterised ReLU layer). */
export function isRelu(layer: tf.layers.Layer): boolean {
  const cfg = layer.getConfig() as Record<string, unknown>;
  if (layer.getClassName() === 'ReLU') return cfg.maxValue == null && !cfg.negativeSlope && !cfg.threshold;
  return layer.getClassName() === 'Activation' && String(cfg.activation) === 'relu';
}

/** The (folded) weights of every step; call inside tf.tidy. */
export function planWeights(plan: Plan): (Weights | null)[] {
  return plan.steps.map((s) => (s.kind === 'linear' ? s.weights() : null));
}

/** The logits [m, classes] of x through steps [from, to) of the plan; `hook` sees each nonlinearity. Call inside tf.tidy. */
export function forwardPlan(
  plan: Plan,
  weights: readonly (Weights | null)[],
  x: tf.Tensor,
  hook?: ActivationHook,
  from = 0,
  to = plan.steps.length,
): tf.Tensor {
  let a = x;
  for (let i = from; i < to; i++) a = forwardStep(plan.steps[i], a, weights[i], hook);
  return a;
}

/** Every nonlinearity on the forward pass of x, with its input z, in forward order. Call inside tf.tidy. */
export function preActivations(plan: Plan, weights: readonly (Weights | null)[], x: tf.Tensor): NonlinearityAt[] {
  const seen: NonlinearityAt[] = [];
  forwardPlan(plan, weights, x, (layer, z) => {
    seen.push({ index: seen.length, layer, z });
    return layer.apply(z, { training: false }) as tf.Tensor;
  });
  return seen;
}

/**
 * The layer's forward value with `backward` as its gradient. z reaches the backward function through
 * tfjs's save(): tensors made during the taped forward pass are disposed before the backward pass runs.
 */
function withBackward(layer: tf.layers.Layer, z: tf.Tensor, backward: Backward): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as tf.Tensor;
    (args[1] as tf.GradSaveFunc)([t]);
    return {
      value: layer.apply(t, { training: false }) as tf.Tensor,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => backward(dy, saved[0]),
    };
  });
  return op(z);
}

/** Per chunk of rows: the rule to use, given the chunk's input (DeepLIFT reads the chunk's reference rows). */
type RuleForChunk = (x: tf.Tensor, start: number, rows: number) => BackwardRule;

/**
 * d logit_target / d input with the chunk's rule at every nonlinearity, shaped like the batch, in
 * chunks of the engine's batch size. Counted as one gradient pass per row.
 */
export function modifiedGradients(engine: Engine, plan: Plan, batch: Batch, targets: Int32Array, ruleFor: RuleForChunk): Float32Array {
  const d = sizeOf(batch.sampleShape);
  const out = new Float32Array(batch.n * d);
  for (let start = 0; start < batch.n; start += engine.batchSize) {
    const m = Math.min(engine.batchSize, batch.n - start);
    const g = tf.tidy(() => {
      const weights = planWeights(plan);
      const x = tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape]);
      const rule = ruleFor(x, start, m);
      // targetMask: a one-output score has one column, which tf.oneHot refuses (core/engine.ts).
      const mask = targetMask(targets.subarray(start, start + m), engine.numClasses);
      let index = 0;
      const hook: ActivationHook = (layer, z) => {
        const backward = rule({ index: index++, layer, z });
        return backward ? withBackward(layer, z, backward) : (layer.apply(z, { training: false }) as tf.Tensor);
      };
      return tf.grad((inp: tf.Tensor) => {
        index = 0;
        return tf.sum(tf.mul(forwardPlan(plan, weights, inp, hook), mask));
      })(x);
    });
    out.set(g.dataSync(), start * d);
    g.dispose();
  }
  engine.count({ gradientPasses: batch.n });
  return out;
}
