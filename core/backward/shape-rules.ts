/**
 * Layers that only reshape or, in inference, pass their input through unchanged: their input gradient
 * is the output gradient in the input's shape. Activation layers apply core/backward/activation-grad.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { activationGrad, activationRefusal } from './activation-grad.js';
import { configOf, registerBackwardRule, type BackwardRule } from './rules.js';

const reshapeBack: BackwardRule = {
  refuses: () => null,
  backward: (_layer, pass, dy) => tf.reshape(dy, pass.x.shape),
};

for (const cls of ['Flatten', 'Reshape', 'Dropout', 'SpatialDropout1D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']) {
  registerBackwardRule(cls, reshapeBack);
}

registerBackwardRule('Activation', {
  refuses: (layer) => activationRefusal(configOf(layer).activation),
  backward: (layer, pass, dy) => activationGrad(configOf(layer).activation, pass.y, dy),
});
