/**
 * The hand-weighted models the functional tests (catalogue.ts) are built from: chains of Dense layers
 * with the weights written out, softmax on top, so every known answer can be checked by hand. Also the
 * tabular task view they are explained on: the baseline is the task's, and the background data is that
 * one baseline row, so every method's reference point (f(baseline), E[f(background)]) is the same.
 */
import * as tf from '@tensorflow/tfjs';
import { makeBatch } from '../../core/batch.js';
import { type Model, wrapModel } from '../../core/model.js';
import type { TaskView } from '../../datasets/task.js';

interface DenseSpec {
  /** inputs x units */
  readonly w: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly activation: 'relu' | 'linear';
}

/** Models built since the last disposeAxiomModels(): the runner frees them after each test. */
const built: Model[] = [];

export function disposeAxiomModels(): void {
  for (const m of built.splice(0)) m.dispose();
}

/** Dense layers in a chain, the last one's outputs the logits (softmax applied on top). */
export async function denseChain(name: string, layers: readonly DenseSpec[]): Promise<Model> {
  const net = tf.sequential();
  layers.forEach((l, i) => {
    const last = i === layers.length - 1;
    net.add(
      tf.layers.dense({
        ...(i === 0 ? { inputShape: [l.w.length] } : {}),
        units: l.w[0].length,
        activation: last ? 'softmax' : l.activation,
        name: last ? 'out' : `dense_${i + 1}`,
      }),
    );
    const weights = [tf.tensor2d(l.w as number[][]), tf.tensor1d(l.b as number[])];
    net.layers[i].setWeights(weights); // copies them
    tf.dispose(weights);
  });
  const model = await wrapModel(net, `axiom:${name}`);
  built.push(model);
  return model;
}

/** A tabular task of `features` inputs around the given baseline (also its one background row). */
export function axiomTask(name: string, baseline: readonly number[], classes = 2): TaskView {
  const base = Float32Array.from(baseline);
  return {
    id: `axiom-${name}`,
    kind: 'tabular',
    sampleShape: [baseline.length],
    classes: Array.from({ length: classes }, (_, i) => `class ${i}`),
    featureNames: baseline.map((_, i) => `x${i + 1}`),
    baseline: base,
    background: makeBatch(Float32Array.from(base), [baseline.length]),
  };
}
