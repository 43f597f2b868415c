/**
 * The Model contract (docs/formats.md, "Model"), apart from the loaders so that each kind of model
 * (core/model.ts for tfjs LayersModels, core/onnx/ for ONNX graphs) can implement it without importing
 * the others.
 */
import type * as tf from '@tensorflow/tfjs';
import { UserError } from './errors.js';
import type { Need } from './vocabulary.js';
import type { Layout } from './layout.js';

export type OutputKind = 'logit' | 'probability';

/** The tfjs layers of a model, for methods that walk them (LRP, MPRT's cascade, rule extraction). */
export interface LayeredNet {
  readonly net: tf.LayersModel;
  /** The same network up to the pre-activation of the last layer. */
  readonly logitsNet: tf.LayersModel;
  readonly layers: readonly tf.layers.Layer[];
}

export interface Model {
  /** Where it was loaded from (or a name for in-memory models). */
  readonly source: string;
  /** 'tfjs-layers': a tfjs LayersModel; 'onnx': a graph read from an .onnx file (core/onnx/). */
  readonly format: 'tfjs-layers' | 'onnx';
  /**
   * What the model offers explainers, matched against their `needs`: every model offers predictions
   * and gradients; only a LayersModel offers 'layers'.
   */
  readonly offers: readonly Need[];
  /** The layers, or null for a graph of operators (ONNX) that does not map onto tfjs layers. */
  readonly layered: LayeredNet | null;
  /** Why `layered` is null (which node has no layer), for the refusal. */
  readonly whyNoLayers?: string;
  /** Names of the parts with weights, input to output: what randomised() re-initialises. */
  readonly weightedParts: readonly string[];
  /**
   * Class outputs; on a score model the number of output units (1 for a one-output score), each
   * target being the unit it names.
   */
  readonly numClasses: number;
  /**
   * True when the outputs are scores, not classes (core/model.ts OutputMode): both output kinds then
   * read the output as is (a softmax over one value would be the constant 1), and methods that need two
   * or more classes return nulls with their reason (their `needsClasses`).
   */
  readonly score: boolean;
  /** Shape of one input, without the batch axis, as explainers see it (images channels-last, [H, W, C]). */
  readonly inputShape: readonly number[];
  /**
   * The model's own layout of an image input: 'channels-first' for an ONNX graph of [C, H, W] samples
   * (PyTorch's NCHW); files hold that layout and core/layout.ts converts at the boundary.
   */
  readonly layout: Layout;
  /** sha256 of topology and weights. */
  readonly hash: string;
  /** Runs the network on a tensor; `output` picks probabilities or logits. Caller owns the result. */
  apply(x: tf.Tensor, output: OutputKind): tf.Tensor2D;
  /**
   * d sum(apply(x, output) * mask) / d x by a hand-derived backward pass (core/backward/), for networks
   * whose every layer has a backward rule; absent where the engine must use tfjs's tape. Runs inside the
   * caller's tf.tidy.
   */
  readonly inputGradient?: (x: tf.Tensor, output: OutputKind, mask: tf.Tensor2D) => tf.Tensor;
  /**
   * The input of the output layer (the penultimate activations) of the logits network; for a
   * single-layer model the input itself. Caller owns the result.
   */
  penultimate(x: tf.Tensor): tf.Tensor;
  /** The output of a hidden layer (ONNX: a node's output tensor) by name. Caller owns the result. */
  hidden(x: tf.Tensor, name: string): tf.Tensor;
  /**
   * A copy whose layers named in `scope` (or all layers with weights) are re-initialised from a
   * seeded stream: kernels Glorot-uniform; biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)) as PyTorch's
   * reset_parameters draws them (zero biases would leave a randomised ReLU net exactly flat on an empty
   * background and flatter sanity checks); BN shifts and means 0, scales and variances 1.
   */
  randomised(seed: number, scope: 'all' | readonly string[]): Promise<Model>;
  dispose(): void;
}

/**
 * The model's tfjs layers for a method that walks them, or a one-line refusal naming the method: an
 * ONNX graph has operators, not layers.
 */
export function layersOf(model: Model, who: string): LayeredNet {
  if (model.layered) return model.layered;
  throw new UserError(
    `${who}: ${model.source} is an ${model.format} graph that does not map onto tfjs layers (${model.whyNoLayers ?? 'no layers'}); ` +
      `${who} walks layers (gradient and perturbation explainers run on it)`,
  );
}

