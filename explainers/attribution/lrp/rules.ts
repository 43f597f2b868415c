/**
 * The LRP rules for one linear layer (methods.md §2.2), written once for Dense and Conv2D through the
 * LinearOp pair. Each takes the layer input `a`, the relevance `r` of its outputs (pre-activation, which
 * equals post-activation: activations pass relevance through), the kernel and bias, and returns the
 * relevance of the inputs.
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
import { type LinearOp, withBias } from './linear-op.js';

export const RULES = ['zero', 'epsilon', 'gamma', 'alpha1beta0', 'alpha2beta1', 'alphabeta', 'zplus', 'wsquare', 'flat', 'zbox'] as const;
export type Rule = (typeof RULES)[number];

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

export function isRule(name: string): name is Rule {
  return (RULES as readonly string[]).includes(name);
}

/** z + e·sign(z) with sign(0) = +1. */
export function stabilise(z: tf.Tensor, e: number): tf.Tensor {
  if (e === 0) return z;
  return tf.add(z, tf.sub(tf.mul(tf.cast(tf.greaterEqual(z, 0), 'float32'), 2 * e), e));
}

const pos = (t: tf.Tensor) => tf.relu(t);
const neg = (t: tf.Tensor) => tf.minimum(t, 0);

/** The generic z-rule: R_in = a ⊙ ρ(W)ᵀ (R / (a ρ(W) + ρ(b) + stabiliser)). */
function zRule(l: LinearLayerInput, kernel: tf.Tensor, bias: tf.Tensor | null, e: number): tf.Tensor {
  const z = stabilise(withBias(l.op.forward(l.a, kernel), bias), e);
  const s = tf.divNoNan(l.r, z);
  return tf.mul(l.a, l.op.transpose(s, kernel, l.a.shape));
}

/**
 * α·(positive contributions) − β·(negative contributions), each side normalised by its own total
 * (Bach 2015 eq. 60). Positive products are a⁺w⁺ and a⁻w⁻, negative ones a⁺w⁻ and a⁻w⁺.
 */
function alphaBeta(l: LinearLayerInput, alpha: number, beta: number, useBias: boolean): tf.Tensor {
  const { op, a, r, kernel } = l;
  const ap = pos(a);
  const an = neg(a);
  const wp = pos(kernel);
  const wn = neg(kernel);
  const side = (w1: tf.Tensor, w2: tf.Tensor, b: tf.Tensor | null): tf.Tensor => {
    // w1 pairs with a⁺, w2 with a⁻.
    const z = withBias(tf.add(op.forward(ap, w1), op.forward(an, w2)), b);
    const s = tf.divNoNan(r, z);
    return tf.add(tf.mul(ap, op.transpose(s, w1, a.shape)), tf.mul(an, op.transpose(s, w2, a.shape)));
  };
  const bias = useBias ? l.bias : null;
  const positive = side(wp, wn, bias ? pos(bias) : null);
  if (beta === 0) return alpha === 1 ? positive : tf.mul(positive, alpha);
  const negative = side(wn, wp, bias ? neg(bias) : null);
  return tf.sub(tf.mul(positive, alpha), tf.mul(negative, beta));
}

/**
 * Rules that ignore the input values: R_in = ρ(W)ᵀ (R / (1 ρ(W) + ρ(b))), ρ = square (w²) or one
 * (flat); `rhoBias` is null where the rule leaves the bias out.
 */
function inputFree(l: LinearLayerInput, rho: tf.Tensor, rhoBias: tf.Tensor | null): tf.Tensor {
  const ones = tf.onesLike(l.a);
  const z = withBias(l.op.forward(ones, rho), rhoBias);
  return l.op.transpose(tf.divNoNan(l.r, z), rho, l.a.shape);
}

/** z^B (DTD): R_in = x·c − l·c⁺ − h·c⁻ with c = Wᵀs, c± = (W±)ᵀs. */
function zBox(l: LinearLayerInput, bounds: Bounds): tf.Tensor {
  const { op, a, r, kernel } = l;
  const low = tf.mul(bounds.low, tf.onesLike(a));
  const high = tf.mul(bounds.high, tf.onesLike(a));
  const wp = pos(kernel);
  const wn = neg(kernel);
  const z = tf.sub(tf.sub(op.forward(a, kernel), op.forward(low, wp)), op.forward(high, wn));
  const s = tf.divNoNan(r, z);
  const c = op.transpose(s, kernel, a.shape);
  const cp = op.transpose(s, wp, a.shape);
  const cn = op.transpose(s, wn, a.shape);
  return tf.sub(tf.sub(tf.mul(a, c), tf.mul(low, cp)), tf.mul(high, cn));
}

/** The relevance of a linear layer's inputs under `rule`. Call inside tf.tidy. */
export function linearRelevance(rule: Rule, l: LinearLayerInput, settings: RuleSettings, bounds: Bounds | null): tf.Tensor {
  switch (rule) {
    case 'zero':
      return zRule(l, l.kernel, l.bias, 0);
    case 'epsilon':
      return zRule(l, l.kernel, l.bias, settings.epsilon);
    case 'gamma': {
      const g = settings.gamma;
      return zRule(l, tf.add(l.kernel, tf.mul(pos(l.kernel), g)), l.bias ? tf.add(l.bias, tf.mul(pos(l.bias), g)) : null, 0);
    }
    case 'alpha1beta0':
      return alphaBeta(l, 1, 0, true);
    case 'alpha2beta1':
      return alphaBeta(l, 2, 1, true);
    case 'alphabeta':
      return alphaBeta(l, settings.alpha, settings.beta, true);
    case 'zplus':
      // With the bias this is α1β0, as zennit's ZPlus docstring says it is.
      return alphaBeta(l, 1, 0, settings.plusBias);
    case 'wsquare':
      return inputFree(l, tf.square(l.kernel), settings.plusBias && l.bias ? tf.square(l.bias) : null);
    case 'flat':
      return inputFree(l, tf.onesLike(l.kernel), null);
    case 'zbox':
      if (!bounds) throw new Error('zbox needs input bounds');
      return zBox(l, bounds);
  }
}
