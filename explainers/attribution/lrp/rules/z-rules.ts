/**
 * The z-rules: R_in = a ⊙ ρ(W)ᵀ (R / (a ρ(W) + ρ(b) + stabiliser)), with ρ the identity (`zero`,
 * LRP-0), the identity and a stabiliser ε (`epsilon`), or w + γw⁺ (`gamma`, Montavon et al. 2019).
 */
import * as tf from '@tensorflow/tfjs';
import { withBias } from '../linear-op.js';
import { type LinearLayerInput, type LrpRule, pos, stabilise } from './rule.js';

/** The generic z-rule with kernel and bias already modified by ρ. */
export function zRule(l: LinearLayerInput, kernel: tf.Tensor, bias: tf.Tensor | null, e: number): tf.Tensor {
  const z = stabilise(withBias(l.op.forward(l.a, kernel), bias), e);
  const s = tf.divNoNan(l.r, z);
  return tf.mul(l.a, l.op.transpose(s, kernel, l.a.shape));
}

export const zeroRule: LrpRule = {
  name: 'zero',
  relevance: (l) => zRule(l, l.kernel, l.bias, 0),
};

export const epsilonRule: LrpRule = {
  name: 'epsilon',
  relevance: (l, settings) => zRule(l, l.kernel, l.bias, settings.epsilon),
};

export const gammaRule: LrpRule = {
  name: 'gamma',
  relevance(l, settings) {
    const g = settings.gamma;
    return zRule(l, tf.add(l.kernel, tf.mul(pos(l.kernel), g)), l.bias ? tf.add(l.bias, tf.mul(pos(l.bias), g)) : null, 0);
  },
};
