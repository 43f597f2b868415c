/**
 * What an LRP rule for one linear layer is (Bach et al. 2015; Montavon et al. 2019, "Layer-wise
 * relevance propagation: an overview"), and the pieces the rules share. Each rule takes the layer input
 * `a`, the relevance `r` of its outputs (pre-activation, which equals post-activation: activations pass
 * relevance through), the kernel and bias, and returns the relevance of the inputs; written once for
 * Dense and Conv2D through the LinearOp pair. Rules are looked up by name (rule-registry.ts).
 *
 * Conventions, chosen once and documented here:
 * - Stabiliser: denominators are z + e·sign(z) with sign(0) = +1 (zennit, iNNvestigate, lrp_toolbox).
 *   Only `epsilon` has e > 0; the other rules are the textbook ones (e = 0), so they are exactly
 *   conservative where theory says they are.
 * - A denominator that is exactly zero passes no relevance (divNoNan): that unit's numerators are all
 *   zero too for z⁺, w², flat and z^B, and for the z-rules it is the "dead unit" case.
 * - Bias: `zero`, `epsilon`, `gamma` (b + γb⁺), `alpha*beta*` (b⁺ joins the positive side, b⁻ the
 *   negative) include it, so it absorbs (or injects) a share. `zplus` adds b⁺ to the positive side and
 *   `wsquare` adds b² to its denominator, as zennit's ZPlus and WSquare do (zennit src/zennit/rules.py:
 *   their ParamMods modify every parameter, bias included, and only the a⁻ side is given zero_bias);
 *   with `plusBias` false they take the bias-free forms of deep Taylor decomposition (Montavon et al.
 *   2017). `flat` ignores it (zennit's Flat zeroes it too); in `zbox` it cancels.
 * - `zplus` and the αβ rules sort contributions by the sign of the product a·w, so negative inputs are
 *   handled (x⁻w⁻ counts as positive). `gamma` is the textbook a·(w + γw⁺) form (Montavon 2019), meant
 *   for layers whose inputs are non-negative.
 */
import * as tf from '@tensorflow/tfjs';
import type { LinearOp } from '../linear-op.js';

export interface RuleSettings {
  readonly epsilon: number;
  readonly gamma: number;
  /** For `alphabeta`; alpha − beta = 1 is enforced by the explainer. */
  readonly alpha: number;
  readonly beta: number;
  /** `zplus` and `wsquare` include the bias as zennit does (true) or leave it out as DTD does (false). */
  readonly plusBias: boolean;
}

/** z^B's input bounds, shaped like (or broadcastable to) the layer input. */
export interface Bounds {
  readonly low: tf.Tensor;
  readonly high: tf.Tensor;
}

export interface LinearLayerInput {
  readonly op: LinearOp;
  /** The layer input, batch first. */
  readonly a: tf.Tensor;
  /** Relevance of the outputs, shaped like z. */
  readonly r: tf.Tensor;
  readonly kernel: tf.Tensor;
  readonly bias: tf.Tensor | null;
}

/** One LRP rule: its name (the value of `--set lrp.rule`) and the relevance it gives a layer's inputs. */
export interface LrpRule {
  readonly name: string;
  /** True when the rule reads input bounds (z^B); the others get null. */
  readonly needsBounds?: boolean;
  /** The relevance of the layer's inputs, shaped like `l.a`. Called inside tf.tidy. */
  relevance(l: LinearLayerInput, settings: RuleSettings, bounds: Bounds | null): tf.Tensor;
}

/** z + e·sign(z) with sign(0) = +1. */
export function stabilise(z: tf.Tensor, e: number): tf.Tensor {
  if (e === 0) return z;
  return tf.add(z, tf.sub(tf.mul(tf.cast(tf.greaterEqual(z, 0), 'float32'), 2 * e), e));
}

export const pos = (t: tf.Tensor) => tf.relu(t);
export const neg = (t: tf.Tensor) => tf.minimum(t, 0);
