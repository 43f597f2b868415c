/**
 * The ReLU backward rules of guided backpropagation (Springenberg et al. 2015, "Striving for simplicity:
 * the all convolutional net") and deconvnet (Zeiler & Fergus 2014, "Visualizing and understanding
 * convolutional networks"), as Captum's GuidedBackprop and Deconvolution override nn.ReLU: guided
 * backprop passes relu(dy) where the forward input was positive, deconvnet passes relu(dy) whatever the
 * forward input. Other activations keep their ordinary derivative.
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../core/batch.js';
import type { Engine } from '../../core/engine.js';
import { planFor } from './lrp/plan.js';
import { type BackwardRule, isRelu, modifiedGradients } from './modified-backward.js';

const guided: BackwardRule = (at) => (isRelu(at.layer) ? (dy, z) => tf.mul(tf.relu(dy), tf.step(z)) : null);
const deconv: BackwardRule = (at) => (isRelu(at.layer) ? (dy) => tf.relu(dy) : null);

type GuidedRule = 'guided-backprop' | 'deconvnet';

/** The modified gradient of the target logit, shaped like the batch. */
export function guidedGradients(engine: Engine, batch: Batch, targets: Int32Array, rule: GuidedRule): Float32Array {
  const plan = planFor(engine.model, rule);
  return modifiedGradients(engine, plan, batch, targets, () => (rule === 'guided-backprop' ? guided : deconv));
}
