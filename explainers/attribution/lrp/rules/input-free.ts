/**
 * Rules that ignore the input values: R_in = ρ(W)ᵀ (R / (1 ρ(W) + ρ(b))), ρ = square (`wsquare`,
 * Montavon et al. 2017) or one (`flat`, Lapuschkin et al. 2019).
 */
import * as tf from '@tensorflow/tfjs';
import { withBias } from '../linear-op.js';
import type { LinearLayerInput, LrpRule } from './rule.js';

/** `rhoBias` is null where the rule leaves the bias out. */
function inputFree(l: LinearLayerInput, rho: tf.Tensor, rhoBias: tf.Tensor | null): tf.Tensor {
  const ones = tf.onesLike(l.a);
  const z = withBias(l.op.forward(ones, rho), rhoBias);
  return l.op.transpose(tf.divNoNan(l.r, z), rho, l.a.shape);
}

export const wSquareRule: LrpRule = {
  name: 'wsquare',
  relevance: (l, settings) => inputFree(l, tf.square(l.kernel), settings.plusBias && l.bias ? tf.square(l.bias) : null),
};

export const flatRule: LrpRule = {
  name: 'flat',
  relevance: (l) => inputFree(l, tf.onesLike(l.kernel), null),
};
