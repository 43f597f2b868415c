/**
 * Fixtures for explainer tests: hand-built TaskViews, an ExplainContext over a real Engine, tiny
 * hand-weighted image and smooth models, and a runner that resolves params and fits like the harness.
 */
import * as tf from '@tensorflow/tfjs';
import type { TaskView } from '../../datasets/task.js';
import type { Batch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { type Model, wrapModel } from '../../core/model.js';
import { resolveParams } from '../../core/params.js';
import { rngFor } from '../../core/rng.js';
import type { AttributionResult, ExplainContext, Explainer } from '../../explainers/types.js';

/** Any attribution explainer of the registry, whatever its parameter and state types. */
export type AnyAttributionExplainer = Extract<Explainer, { readonly family: 'attribution' }>;

export function tabularTask(o: {
  features: number;
  classes?: string[];
  baseline?: number[];
  background?: Batch;
  names?: string[];
  units?: string[];
  scale?: { mean: number[]; std: number[] };
}): TaskView {
  return {
    id: 'toy-tabular',
    kind: 'tabular',
    sampleShape: [o.features],
    classes: o.classes ?? ['no', 'yes'],
    featureNames: o.names ?? Array.from({ length: o.features }, (_, i) => `f${i}`),
    units: o.units,
    scale: o.scale ? { mean: Float32Array.from(o.scale.mean), std: Float32Array.from(o.scale.std) } : undefined,
    baseline: Float32Array.from(o.baseline ?? new Array<number>(o.features).fill(0)),
    background: o.background,
  };
}

export function imageTask(o: { height: number; width: number; channels?: number; classes?: string[]; baseline?: Float32Array }): TaskView {
  const c = o.channels ?? 1;
  const names: string[] = [];
  for (let r = 0; r < o.height; r++) for (let col = 0; col < o.width; col++) for (let ch = 0; ch < c; ch++) names.push(`pixel(${r},${col})`);
  return {
    id: 'toy-image',
    kind: 'image',
    sampleShape: [o.height, o.width, c],
    classes: o.classes ?? ['a', 'b', 'c'],
    featureNames: names,
    baseline: o.baseline ?? new Float32Array(o.height * o.width * c),
  };
}

export function contextFor(model: Model, task: TaskView, seed = 1, batchSize = 64): ExplainContext {
  return {
    engine: new Engine(model, batchSize),
    task,
    rng: (sampleId, purpose) => rngFor(seed, task.id, 'explain', sampleId, purpose),
  };
}

/** Resolves params (defaults overridden), fits where the explainer needs it, and explains. */
export async function runExplainer(
  explainer: AnyAttributionExplainer,
  ctx: ExplainContext,
  batch: Batch,
  targets: Int32Array,
  overrides: Record<string, string | number | boolean> = {},
  sampleIds: readonly string[] = Array.from({ length: batch.n }, (_, i) => `s${i}`),
  seed = 1,
): Promise<AttributionResult> {
  const params = resolveParams(explainer.params, overrides, explainer.id);
  const state = explainer.fit
    ? await explainer.fit({ engine: ctx.engine, task: ctx.task, rng: (purpose) => rngFor(seed, ctx.task.id, explainer.id, 'fit', purpose) }, params)
    : undefined;
  return explainer.explain({ ctx, batch, targets, sampleIds, params, state });
}

/** Deterministic "hand" weights: a fixed trigonometric pattern, so tests need no random initialiser. */
export function patternWeights(n: number, phase: number, scale = 0.5): number[] {
  return Array.from({ length: n }, (_, i) => scale * Math.sin(1.7 * i + phase) + 0.1 * Math.cos(0.3 * i * phase));
}

/** softmax(W flatten(x) + b) over an image: a linear model whose gradient is a known weight row. */
export async function linearImageModel(height: number, width: number, classes: number, w: number[][], b: number[]): Promise<Model> {
  const net = tf.sequential({
    layers: [tf.layers.flatten({ inputShape: [height, width, 1] }), tf.layers.dense({ units: classes, activation: 'softmax', name: 'out' })],
  });
  net.layers[1].setWeights([tf.tensor2d(w), tf.tensor1d(b)]);
  return wrapModel(net, 'linear-image');
}

/** A 6x6x1 conv net: conv 3x3 (2 filters, ReLU) -> flatten -> dense 3 softmax, fixed weights. */
export async function tinyConvNet(): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3, activation: 'relu', name: 'conv' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor4d(patternWeights(18, 0.3, 0.8), [3, 3, 1, 2]), tf.tensor1d([0.05, -0.1])]);
  net.layers[2].setWeights([tf.tensor2d(patternWeights(96, 1.1), [32, 3]), tf.tensor1d([0.1, 0, -0.1])]);
  return wrapModel(net, 'tiny-conv');
}

/** softmax(W2 tanh(W1 x + b1) + b2): smooth everywhere, for quadrature comparisons. */
export async function tanhMlp(w1: number[][], b1: number[], w2: number[][], b2: number[]): Promise<Model> {
  const net = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [w1.length], units: w1[0].length, activation: 'tanh', name: 'hidden' }),
      tf.layers.dense({ units: w2[0].length, activation: 'softmax', name: 'out' }),
    ],
  });
  net.layers[0].setWeights([tf.tensor2d(w1), tf.tensor1d(b1)]);
  net.layers[1].setWeights([tf.tensor2d(w2), tf.tensor1d(b2)]);
  return wrapModel(net, 'tanh-mlp');
}
