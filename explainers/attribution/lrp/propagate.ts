/**
 * One LRP pass over a batch (Montavon et al. 2019, "Layer-wise relevance propagation: an overview"): a forward pass
 * through the plan that keeps every step's
 * input, then the relevance R = one-hot(target) ⊙ logits carried back step by step. Call inside
 * tf.tidy; everything returned is a tensor the caller reads and lets tidy dispose.
 */
import * as tf from '@tensorflow/tfjs';
import { withBias } from './linear-op.js';
import type { Plan, Step } from './plan.js';
import { type MaxPoolTies, avgPoolRelevance, maxPoolRelevance } from './pooling.js';
import { type Bounds, type Rule, type RuleSettings, getRule, linearRelevance } from './rule-registry.js';

export interface PropagateOptions {
  readonly rules: ReadonlyMap<string, Rule>;
  readonly settings: RuleSettings;
  /** z^B bounds for a layer fed by the model input, shaped like the input batch. */
  readonly inputBounds: Bounds;
  /** Layer whose output relevance to return too ('' for none). */
  readonly layer: string;
  /** How tied maxima of a max-pooling window share its relevance (pooling.ts). */
  readonly maxPoolTies: MaxPoolTies;
}

export interface Propagated {
  /** Relevance of the input, shaped like x. */
  readonly input: tf.Tensor;
  /** The explained logit per row: [m]. */
  readonly logit: tf.Tensor1D;
  /** Relevance at `layer`'s output, when asked for. */
  readonly hidden: tf.Tensor | null;
}

interface Weights {
  kernel: tf.Tensor;
  bias: tf.Tensor | null;
}

function forwardStep(step: Step, a: tf.Tensor, w: Weights | null): tf.Tensor {
  switch (step.kind) {
    case 'linear': {
      const z = withBias(step.op.forward(a, w!.kernel), w!.bias);
      return step.activation ? (step.activation.apply(z) as tf.Tensor) : z;
    }
    case 'pool':
    case 'reshape':
      return step.layer.apply(a) as tf.Tensor;
    case 'pass':
      return step.layer.apply(a, { training: false }) as tf.Tensor;
  }
}

/**
 * Bounds for z^B on a hidden layer: the observed range of that layer's input per sample, which always
 * contains the input (the model-input bounds do not fit a hidden shape).
 */
function hiddenBounds(a: tf.Tensor): Bounds {
  const axes = a.shape.slice(1).map((_, i) => i + 1);
  return { low: tf.min(a, axes, true), high: tf.max(a, axes, true) };
}

/** The model-input bounds where only reshapes and pass-throughs lie between the input and step i. */
function zboxBounds(plan: Plan, i: number, input: tf.Tensor, inputBounds: Bounds): Bounds {
  const fedByInput = plan.steps.slice(0, i).every((p) => p.kind === 'reshape' || p.kind === 'pass');
  if (!fedByInput) return hiddenBounds(input);
  return { low: tf.reshape(inputBounds.low, input.shape), high: tf.reshape(inputBounds.high, input.shape) };
}

export function propagate(plan: Plan, x: tf.Tensor, targets: tf.Tensor1D, o: PropagateOptions): Propagated {
  const weights = plan.steps.map((s) => (s.kind === 'linear' ? s.weights() : null));
  const inputs: tf.Tensor[] = [];
  let a = x;
  plan.steps.forEach((s, i) => {
    inputs.push(a);
    a = forwardStep(s, a, weights[i]);
  });
  const logits = a as tf.Tensor2D;
  // A one-output score has one column, which tf.oneHot refuses; its one target is the whole output.
  const mask = logits.shape[1] === 1 ? tf.onesLike(logits) : tf.oneHot(targets, logits.shape[1]);
  let r: tf.Tensor = tf.mul(logits, mask);
  let hidden: tf.Tensor | null = null;
  for (let i = plan.steps.length - 1; i >= 0; i--) {
    const s = plan.steps[i];
    if (s.names.includes(o.layer)) hidden = r;
    const input = inputs[i];
    if (s.kind === 'linear') {
      const rule = o.rules.get(s.name)!;
      const bounds = getRule(rule).needsBounds ? zboxBounds(plan, i, input, o.inputBounds) : null;
      r = linearRelevance(rule, { op: s.op, a: input, r, kernel: weights[i]!.kernel, bias: weights[i]!.bias }, o.settings, bounds);
    } else if (s.kind === 'pool') {
      const [a4, r4] = [input as tf.Tensor4D, r as tf.Tensor4D];
      r = s.mode === 'max' ? maxPoolRelevance(a4, r4, s.geometry, o.maxPoolTies) : avgPoolRelevance(a4, r4, s.geometry);
    } else if (s.kind === 'reshape') {
      r = tf.reshape(r, input.shape);
    }
  }
  if (plan.inputNames.includes(o.layer)) hidden = r;
  return { input: r, logit: tf.sum(tf.mul(logits, mask), 1) as tf.Tensor1D, hidden };
}
