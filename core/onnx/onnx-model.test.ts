/**
 * ONNX models against PyTorch: the fixtures of test/fixtures/onnx/ (tools/fixtures/make-onnx-fixtures.py,
 * torch 1.13, torch.onnx.export) must give PyTorch's logits, input gradients and integrated gradients
 * to 1e-4, relative to the largest magnitude of each reference array (an element-wise ratio is
 * meaningless where the reference is near zero). And the Model contract: heads, hidden tensors,
 * randomised copies, no tensor leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backend.js';
import { makeBatch } from '../batch.js';
import { Engine } from '../engine.js';
import { layersOf, loadModel } from '../model.js';
import { batchFromFile, fileShape, toChannelsFirst } from '../layout.js';
import { imageTask, contextFor, runExplainer, tabularTask } from '../../test/helpers/explainer-fixtures.js';
import { integratedGradientsExplainer } from '../../explainers/attribution/integrated-gradients.js';
import { lrpExplainer } from '../../explainers/attribution/lrp/lrp.js';
import type { TaskView } from '../../datasets/task.js';

const DIR = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'onnx');

interface Reference {
  targets: number[];
  logits: number[][];
  gradients: unknown[];
  integratedGradients: { baseline: string; method: string; steps: number; values: unknown[] };
}

function fixture(name: string) {
  const ref = JSON.parse(readFileSync(join(DIR, `${name}.reference.json`), 'utf8')) as Reference;
  const inputs = JSON.parse(readFileSync(join(DIR, `${name}.inputs.json`), 'utf8')).inputs as unknown[];
  return { ref, inputs, data: Float32Array.from(inputs.flat(4) as number[]) };
}

/** max |a - b| / max |b|: the error relative to the reference's scale. */
function relativeError(a: ArrayLike<number>, b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

beforeAll(async () => {
  await useBackend('wasm');
});

describe('ONNX fixtures agree with PyTorch', () => {
  // [name, the shape files hold, the shape explainers see, the task]
  const cases: [string, number[], number[], TaskView][] = [
    ['mlp', [6], [6], tabularTask({ features: 6, classes: ['a', 'b', 'c'] })],
    ['cnn', [3, 8, 8], [8, 8, 3], imageTask({ height: 8, width: 8, channels: 3 })],
    ['chain-cnn', [3, 8, 8], [8, 8, 3], imageTask({ height: 8, width: 8, channels: 3 })],
  ];
  for (const [name, own, shape, task] of cases) {
    it(`${name}: logits, input gradients and integrated gradients to 1e-4`, async () => {
      const model = await loadModel(join(DIR, `${name}.onnx`));
      expect(model.format).toBe('onnx');
      expect(model.inputShape).toEqual(shape);
      expect(fileShape(model.inputShape, model.layout)).toEqual(own);
      expect(model.numClasses).toBe(3);
      const { ref, data } = fixture(name);
      // PyTorch's inputs and gradients are NCHW; explainers see and return channels-last samples.
      const batch = batchFromFile(makeBatch(data, own), model.layout);
      const inOwn = (a: Float32Array) => (model.layout === 'channels-first' ? toChannelsFirst(a, batch.n, shape) : a);
      const engine = new Engine(model);
      const before = tf.memory().numTensors;
      expect(relativeError(engine.outputs(batch, 'logit'), ref.logits.flat())).toBeLessThan(1e-4);
      const targets = Int32Array.from(ref.targets);
      expect(relativeError(inOwn(engine.gradients(batch, targets, 'logit')), ref.gradients.flat(4) as number[])).toBeLessThan(1e-4);
      // Probabilities are the softmax of the logits (for the MLP: the graph's own final Softmax).
      const p = engine.outputs(batch, 'probability');
      const z = ref.logits[0];
      const sum = z.reduce((s, v) => s + Math.exp(v), 0);
      expect(p[0]).toBeCloseTo(Math.exp(z[0]) / sum, 6);
      expect(tf.memory().numTensors).toBe(before);

      const ig = ref.integratedGradients;
      const r = await runExplainer(integratedGradientsExplainer, contextFor(model, task), batch, targets, {
        steps: ig.steps,
        method: ig.method,
        baseline: ig.baseline,
      });
      expect(relativeError(inOwn(r.attributions), ig.values.flat(4) as number[])).toBeLessThan(1e-4);
      model.dispose();
    });
  }
});

describe('an ONNX Model', () => {
  it('offers predictions and gradients, and layers only where the graph maps onto them', async () => {
    const mlp = await loadModel(join(DIR, 'mlp.onnx'));
    expect(mlp.offers).toEqual(['predict', 'gradients']);
    expect(mlp.layered).toBeNull();
    expect(() => layersOf(mlp, 'lrp')).toThrow(/^lrp: .*mlp\.onnx is an onnx graph that does not map onto tfjs layers \(Sub \(node '\/Sub'\) has no tfjs layer\)/);
    const cnn = await loadModel(join(DIR, 'cnn.onnx'));
    expect(cnn.whyNoLayers).toMatch(/tensor '\/pool2\/AveragePool_output_0' is read by 2 nodes, not a chain of layers/);
    const chain = await loadModel(join(DIR, 'chain-cnn.onnx'));
    expect(chain.offers).toEqual(['predict', 'gradients', 'layers']);
    // Pad (zero) and the exporter's folded BatchNorm leave no layer; the BatchNorm after fc1 stays for LRP to fold.
    expect(chain.layered!.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer', 'Conv2D', 'Activation', 'MaxPooling2D', 'Conv2D', 'Activation', 'AveragePooling2D', 'Flatten', 'Dense',
      'BatchNormalization', 'Activation', 'Dense',
    ]);
    for (const m of [mlp, cnn, chain]) m.dispose();
  });

  it('LRP runs on a chain graph: LRP-0 of a ReLU network equals gradient x input (Ancona et al. 2018)', async () => {
    const model = await loadModel(join(DIR, 'chain-cnn.onnx'));
    const { ref, data } = fixture('chain-cnn');
    const batch = batchFromFile(makeBatch(data, [3, 8, 8]), model.layout);
    const ctx = contextFor(model, imageTask({ height: 8, width: 8, channels: 3 }));
    const targets = Int32Array.from(ref.targets);
    // epsilon 0 with the epsilon rule is LRP-0; the stabiliser is the only departure (its default is 1e-6).
    const r = await runExplainer(lrpExplainer, ctx, batch, targets, { rule: 'epsilon', epsilon: 0 });
    const g = ctx.engine.gradients(batch, targets, 'logit');
    const gxi = Array.from(g, (v, i) => v * batch.data[i]);
    expect(relativeError(r.attributions, gxi)).toBeLessThan(1e-4);
    model.dispose();
  });

  it('gives the penultimate activations (input of the last Gemm) and named hidden tensors', async () => {
    const model = await loadModel(join(DIR, 'mlp.onnx'));
    const { data } = fixture('mlp');
    const engine = new Engine(model);
    const batch = makeBatch(data, [6]);
    const f = engine.features(batch);
    expect(f.width).toBe(8);
    // The penultimate tensor is tanh(...): inside (-1, 1).
    expect(Array.from(f.data).every((v) => Math.abs(v) < 1)).toBe(true);
    const h = engine.activations(batch, '/Tanh_output_0');
    expect(Array.from(h.values)).toEqual(Array.from(f.data));
    expect(() => engine.activations(batch, 'nope')).toThrow(/no tensor named 'nope'/);
    model.dispose();
  });

  it('randomises its weighted nodes from the top, seeded, leaving the rest as they are', async () => {
    const model = await loadModel(join(DIR, 'cnn.onnx'));
    expect(model.weightedParts).toEqual(['/conv1/Conv', '/conv2/Conv', '/bn2/BatchNormalization', '/fc/Gemm']);
    const { data } = fixture('cnn');
    const batch = batchFromFile(makeBatch(data, [3, 8, 8]), 'channels-first');
    const logits = (m: typeof model) => new Engine(m).outputs(batch, 'logit');
    const base = logits(model);
    const a = await model.randomised(7, ['/fc/Gemm']);
    const b = await model.randomised(7, ['/fc/Gemm']);
    const c = await model.randomised(8, 'all');
    expect(Array.from(logits(a))).toEqual(Array.from(logits(b)));
    expect(Array.from(logits(a))).not.toEqual(Array.from(base));
    expect(Array.from(logits(c))).not.toEqual(Array.from(logits(a)));
    // Features below the randomised head are untouched.
    expect(Array.from(new Engine(a).features(batch).data)).toEqual(Array.from(new Engine(model).features(batch).data));
    await expect(model.randomised(1, ['nope'])).rejects.toThrow(/no node named 'nope'/);
    for (const m of [a, b, c, model]) m.dispose();
  });
});
