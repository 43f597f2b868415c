/**
 * Input gradients of a plain chain of layers without tfjs's tape: one forward pass that keeps each
 * layer's input and output, then the registered backward rules (core/backward/rules.ts) from the last
 * hidden layer to the first. The output layer and the output kind's head (softmax, the two-class
 * reading of a sigmoid) stay with the tape, on the small penultimate tensor (core/model.ts). A network
 * qualifies when every layer feeds only the next one and every layer before the output layer has a
 * rule (gradientChain says which does not); anything else keeps the tape (core/engine.ts). The
 * results agree with the tape's to float32 rounding, not bit for bit: the forward pass here is the
 * fused one the outputs come from (tfjs's tape recomputes it unfused), and some products sum in
 * XNNPACK's order (core/backward/input-gradient.test.ts, core/engine-input-gradient.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { backwardRuleFor, type BackwardRule, type LayerPass } from './rules.js';
import { gradientChainLayers } from './chain-layers.js';
import './dense-rule.js';
import './conv2d-rule.js';
import './pooling-rules.js';
import './batch-norm-rule.js';
import './shape-rules.js';

export interface GradientChain {
  /** The layers before the output layer, input to output, each with its rule. */
  readonly layers: readonly tf.layers.Layer[];
  readonly rules: readonly BackwardRule[];
  /** The output layer, which the caller's seed runs under the tape. */
  readonly last: tf.layers.Layer;
}

/** The network as a chain of layers with rules, or why it is not one. */
export function gradientChain(net: tf.LayersModel): GradientChain | string {
  const layers = gradientChainLayers(net);
  if (layers === null) return 'not a plain chain of layers (one input, one output, each layer feeding only the next)';
  const rules: BackwardRule[] = [];
  for (const layer of layers.slice(0, -1)) {
    const rule = backwardRuleFor(layer);
    if (typeof rule === 'string') return rule;
    rules.push(rule);
  }
  return { layers: layers.slice(0, -1), rules, last: layers[layers.length - 1] };
}

/** Runs the chain's body (all but the output layer) on x, keeping what each layer saw. Runs inside the caller's tf.tidy. */
export function chainForward(chain: GradientChain, x: tf.Tensor): { passes: LayerPass[]; out: tf.Tensor } {
  const passes: LayerPass[] = [];
  let h = x;
  for (const layer of chain.layers) {
    const y = layer.apply(h, { training: false }) as tf.Tensor;
    passes.push({ x: h, y });
    h = y;
  }
  return { passes, out: h };
}

/**
 * d (seed · body(x)) / d x: `seed` turns the body's output (the output layer's input) into the gradient
 * to send back through the body: the output layer's and the output kind's derivative, times each row's
 * target mask. Runs inside the caller's tf.tidy.
 */
export function chainInputGradient(chain: GradientChain, x: tf.Tensor, seed: (out: tf.Tensor) => tf.Tensor): tf.Tensor {
  const { passes, out } = chainForward(chain, x);
  let g = seed(out);
  for (let i = chain.layers.length - 1; i >= 0; i--) g = chain.rules[i].backward(chain.layers[i], passes[i], g);
  return g;
}
