/**
 * The αβ rules (Bach et al. 2015, eq. 60): α·(positive contributions) − β·(negative contributions),
 * each side normalised by its own total. Positive products are a⁺w⁺ and a⁻w⁻, negative ones a⁺w⁻ and
 * a⁻w⁺. `zplus` is α1β0 with the bias as zennit's ZPlus takes it (plusBias), or without it (DTD's z⁺).
 */
import * as tf from '@tensorflow/tfjs';
import { withBias } from '../linear-op.js';
import { type LinearLayerInput, type LrpRule, neg, pos } from './rule.js';

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

export const alpha1beta0Rule: LrpRule = {
  name: 'alpha1beta0',
  relevance: (l) => alphaBeta(l, 1, 0, true),
};

export const alpha2beta1Rule: LrpRule = {
  name: 'alpha2beta1',
  relevance: (l) => alphaBeta(l, 2, 1, true),
};

export const alphaBetaRule: LrpRule = {
  name: 'alphabeta',
  relevance: (l, settings) => alphaBeta(l, settings.alpha, settings.beta, true),
};

export const zPlusRule: LrpRule = {
  name: 'zplus',
  // With the bias this is α1β0, as zennit's ZPlus docstring says it is.
  relevance: (l, settings) => alphaBeta(l, 1, 0, settings.plusBias),
};
