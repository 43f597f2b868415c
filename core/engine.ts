/**
 * The one batched engine (docs/principles.md (principle 1)). Explainers and metrics hand it stacks of inputs; it
 * runs them in chunks of `batchSize` inside tf.tidy, returns typed arrays, and counts forward and
 * gradient passes (one per input row) so that cost is measured, not estimated.
 */
import * as tf from '@tensorflow/tfjs';
import { type Batch, sizeOf } from './batch.js';
import type { Model, OutputKind } from './model.js';
import { withInputGradientOnly } from './wasm-conv-filter-grad.js';

export interface PassCounts {
  forwardPasses: number;
  gradientPasses: number;
}

/**
 * Rows per chunk when none is given: 2^18 input values' worth, a power of two from 256 to 4096. tfjs
 * pays a fixed cost per op call, which on small tabular models outweighs the arithmetic at 256 rows
 * (wasm, breast-cancer MLP: 2.9M forward rows/s at 256, 6.3M at 4096); models with big inputs gain
 * nothing from bigger chunks and keep 256 (measured on the MNIST CNN and MLP).
 */
export function defaultBatchSize(inputShape: readonly number[]): number {
  const d = Math.max(1, sizeOf(inputShape));
  return Math.min(4096, Math.max(256, 2 ** Math.floor(Math.log2((1 << 18) / d))));
}

export class Engine {
  private readonly counts: PassCounts = { forwardPasses: 0, gradientPasses: 0 };

  constructor(
    readonly model: Model,
    readonly batchSize = defaultBatchSize(model.inputShape),
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }

  get numClasses(): number {
    return this.model.numClasses;
  }

  get inputShape(): readonly number[] {
    return this.model.inputShape;
  }

  /** A snapshot of the pass counters (they only ever grow). */
  passes(): PassCounts {
    return { ...this.counts };
  }

  private checkShape(batch: Batch): void {
    const want = this.model.inputShape;
    if (batch.sampleShape.length !== want.length || batch.sampleShape.some((d, i) => d !== want[i])) {
      throw new RangeError(`input shape [${batch.sampleShape.join(', ')}] does not match the model's [${want.join(', ')}]`);
    }
  }

  /**
   * Records passes run outside outputs()/gradients(): model-specific methods such as LRP propagate
   * through the layers themselves, and must still be costed like everything else.
   */
  count(passes: Partial<PassCounts>): void {
    this.counts.forwardPasses += passes.forwardPasses ?? 0;
    this.counts.gradientPasses += passes.gradientPasses ?? 0;
  }

  /** All class outputs: n * numClasses values, row-major. */
  outputs(batch: Batch, output: OutputKind): Float32Array {
    this.checkShape(batch);
    const d = sizeOf(batch.sampleShape);
    const c = this.numClasses;
    const out = new Float32Array(batch.n * c);
    for (let start = 0; start < batch.n; start += this.batchSize) {
      const m = Math.min(this.batchSize, batch.n - start);
      const chunk = readOut(() => {
        const x = tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape]);
        return this.model.apply(x, output);
      });
      out.set(chunk, start * c);
    }
    this.counts.forwardPasses += batch.n;
    return out;
  }

  /**
   * The penultimate-layer activations (the input of the last Dense layer of the logits network), for
   * explainers that compare inputs in the model's own feature space: n * width values, row-major.
   * Counted as one forward pass per row. For a single-layer model this is the input itself.
   */
  features(batch: Batch): { data: Float32Array; width: number } {
    const { values, width } = this.perRow(batch, (x) => this.model.penultimate(x));
    return { data: values, width };
  }

  /**
   * A hidden layer's output for every row, flattened per row (n * units values), e.g. the features a
   * zero-shot learner builds on. Counted as forward passes like outputs().
   */
  activations(batch: Batch, layerName: string): { readonly values: Float32Array; readonly width: number } {
    return this.perRow(batch, (x) => this.model.hidden(x, layerName));
  }

  /** Runs `compute` on every chunk and gathers its rows (all of one width), counted as forward passes. */
  private perRow(batch: Batch, compute: (x: tf.Tensor) => tf.Tensor): { values: Float32Array; width: number } {
    this.checkShape(batch);
    const d = sizeOf(batch.sampleShape);
    let values = new Float32Array(0);
    let width = 0;
    for (let start = 0; start < batch.n; start += this.batchSize) {
      const m = Math.min(this.batchSize, batch.n - start);
      const chunk = readOut(() => compute(tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape])));
      if (start === 0) {
        width = chunk.length / m;
        values = new Float32Array(batch.n * width);
      }
      values.set(chunk, start * width);
    }
    this.counts.forwardPasses += batch.n;
    return { values, width };
  }

  /** The output of each row's target class: n values. `targets` has one entry per row, or one for all. */
  targetOutputs(batch: Batch, targets: ArrayLike<number> | number, output: OutputKind): Float32Array {
    const all = this.outputs(batch, output);
    const c = this.numClasses;
    const res = new Float32Array(batch.n);
    for (let i = 0; i < batch.n; i++) res[i] = all[i * c + targetAt(targets, i, c)];
    return res;
  }

  /**
   * d output[target] / d input for every row, shaped like the batch. Rows are independent (inference
   * mode), so one gradient of the sum of the rows' target outputs gives every row's gradient. A
   * model with a hand-derived backward pass (Model.inputGradient, core/backward/) runs it; others go
   * through tfjs's tape.
   */
  gradients(batch: Batch, targets: ArrayLike<number> | number, output: OutputKind): Float32Array {
    this.checkShape(batch);
    const d = sizeOf(batch.sampleShape);
    const c = this.numClasses;
    const out = new Float32Array(batch.n * d);
    for (let start = 0; start < batch.n; start += this.batchSize) {
      const m = Math.min(this.batchSize, batch.n - start);
      const chunk = readOut(() => {
        const x = tf.tensor(batch.data.subarray(start * d, (start + m) * d), [m, ...batch.sampleShape]);
        const idx = new Int32Array(m);
        for (let i = 0; i < m; i++) idx[i] = targetAt(targets, start + i, c);
        const mask = targetMask(idx, c);
        const byRules = this.model.inputGradient;
        if (byRules) return byRules(x, output, mask);
        return withInputGradientOnly(() => tf.grad((inp: tf.Tensor) => this.model.apply(inp, output).mul(mask).sum())(x));
      });
      out.set(chunk, start * d);
    }
    this.counts.gradientPasses += batch.n;
    return out;
  }
}

/**
 * Runs `compute` in tf.tidy and downloads its one result tensor outside it. Returning the downloaded
 * array from inside tidy instead makes tidy scan it element by element for tensors to keep, which cost
 * more than the forward pass itself on small models (measured 2.5x on the breast-cancer MLP).
 */
function readOut(compute: () => tf.Tensor): Float32Array {
  const t = tf.tidy(compute);
  try {
    return t.dataSync() as Float32Array;
  } finally {
    t.dispose();
  }
}

/**
 * One-hot rows selecting each row's target output. A one-output score model has a single column, which
 * tf.oneHot refuses (depth must be at least 2): every target is 0 there, so the mask is all ones.
 */
export function targetMask(idx: Int32Array, numClasses: number): tf.Tensor2D {
  if (numClasses === 1) return tf.ones([idx.length, 1]);
  return tf.oneHot(tf.tensor1d(idx, 'int32'), numClasses) as tf.Tensor2D;
}

function targetAt(targets: ArrayLike<number> | number, i: number, numClasses: number): number {
  const t = typeof targets === 'number' ? targets : targets[i];
  if (!Number.isInteger(t) || t < 0 || t >= numClasses) throw new RangeError(`target ${t} is not a class index in [0, ${numClasses})`);
  return t;
}
