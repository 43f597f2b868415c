/** z^B (deep Taylor decomposition, Montavon et al. 2017): R_in = x·c − l·c⁺ − h·c⁻ with c = Wᵀs, c± = (W±)ᵀs. */
import * as tf from '@tensorflow/tfjs';
import { type LrpRule, neg, pos } from './rule.js';

export const zBoxRule: LrpRule = {
  name: 'zbox',
  needsBounds: true,
  relevance(l, _settings, bounds) {
    if (!bounds) throw new Error('zbox needs input bounds');
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
  },
};
