/**
 * Known answers for the operator rules the PyTorch fixtures do not reach (or reach with one setting
 * only): small graphs built in the test (test/helpers/onnx-graph.ts), values worked out by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../backend.js';
import { makeBatch } from '../../batch.js';
import { Engine } from '../../engine.js';
import { loadModel, type Model } from '../../model.js';
import { batchFromFile } from '../../layout.js';
import { type GraphSpec, onnxBytes } from '../../../test/helpers/onnx-graph.js';

let dir: string;
beforeAll(async () => {
  await useBackend('wasm');
  dir = mkdtempSync(join(tmpdir(), 'xai-bench-onnx-ops-'));
});

let count = 0;
async function modelOf(g: GraphSpec): Promise<Model> {
  const path = join(dir, `g${count++}.onnx`);
  writeFileSync(path, onnxBytes(g));
  return loadModel(path);
}

/** The graph's raw output (the `logit` output when the graph does not end in a softmax). */
async function run(g: GraphSpec, x: number[]): Promise<number[]> {
  const m = await modelOf(g);
  // Rank-3 samples are [C, H, W]; the engine takes them channels-last (core/layout.ts).
  const out = new Engine(m).outputs(batchFromFile(makeBatch(Float32Array.from(x), g.input), m.layout), 'logit');
  m.dispose();
  return Array.from(out).map((v) => +v.toFixed(5));
}

describe('ONNX operator rules (known answers)', () => {
  it('Dropout and Identity pass through; ConstantOfShape of Shape fills, Add broadcasts', async () => {
    const g: GraphSpec = {
      input: [3],
      nodes: [
        { op: 'Dropout', inputs: ['x'], outputs: ['d', 'mask'] },
        { op: 'Identity', inputs: ['d'], outputs: ['i'] },
        { op: 'Shape', inputs: ['x'], outputs: ['s'] },
        { op: 'ConstantOfShape', inputs: ['s'], outputs: ['c'], attrs: { value: { tensor: { dims: [1], values: [2] } } } },
        { op: 'Add', inputs: ['i', 'c'], outputs: ['y'] },
      ],
      output: 'y',
    };
    expect(await run(g, [1, -2, 0.5])).toEqual([3, 0, 2.5]);
  });

  it('MaxPool pads with -Infinity; AveragePool counts zero pads (count_include_pad=1)', async () => {
    const pool = (op: string, extra: Record<string, number>): GraphSpec => ({
      input: [1, 2, 2],
      nodes: [
        { op, inputs: ['x'], outputs: ['p'], attrs: { kernel_shape: [2, 2], pads: [1, 1, 0, 0], strides: [1, 1], ...extra } },
        { op: 'Flatten', inputs: ['p'], outputs: ['y'] },
      ],
      output: 'y',
    });
    // Input [[-1, -2], [-3, -4]] padded on top and left: windows of the 2x2 output.
    expect(await run(pool('MaxPool', {}), [-1, -2, -3, -4])).toEqual([-1, -1, -1, -1]);
    expect(await run(pool('AveragePool', { count_include_pad: 1 }), [-1, -2, -3, -4])).toEqual([-0.25, -0.75, -1, -2.5]);
  });

  it('Conv: depthwise groups, strides and pads in NCHW', async () => {
    // Two channels, each convolved with its own 1x2 kernel, stride 2 along the width.
    const g: GraphSpec = {
      input: [2, 1, 4],
      nodes: [
        { op: 'Conv', inputs: ['x', 'w', 'b'], outputs: ['c'], attrs: { group: 2, kernel_shape: [1, 2], strides: [1, 2], pads: [0, 0, 0, 0] } },
        { op: 'Flatten', inputs: ['c'], outputs: ['y'] },
      ],
      inits: { w: { dims: [2, 1, 1, 2], values: [1, 10, -1, 2] }, b: { dims: [2], values: [0.5, 0] } },
      output: 'y',
    };
    // Channel 0: [1, 2, 3, 4] -> 1 + 20 + .5, 3 + 40 + .5; channel 1: [5, 6, 7, 8] -> -5 + 12, -7 + 16.
    expect(await run(g, [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([21.5, 43.5, 7, 9]);
  });

  it('Softmax before opset 13 normalises the flattened trailing axes; LogSoftmax heads give the logits', async () => {
    const g: GraphSpec = {
      input: [2, 2],
      nodes: [{ op: 'Softmax', inputs: ['x'], outputs: ['s'], attrs: { axis: 1 } }, { op: 'Flatten', inputs: ['s'], outputs: ['y'] }],
      output: 'y',
      opset: 11,
    };
    const e = [1, 2, 3, 4].map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    expect(await run(g, [1, 2, 3, 4])).toEqual(e.map((v) => +(v / sum).toFixed(5)));
    const head: GraphSpec = { input: [3], nodes: [{ op: 'LogSoftmax', inputs: ['x'], outputs: ['y'], attrs: { axis: 1 } }], output: 'y' };
    expect(await run(head, [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('Unsqueeze (opset 11 attribute), Gather (negative index), Mul, Concat and Reshape build a dynamic shape', async () => {
    const g: GraphSpec = {
      input: [2, 3],
      nodes: [
        { op: 'Shape', inputs: ['x'], outputs: ['s'] },
        { op: 'Gather', inputs: ['s', 'zero'], outputs: ['b'], attrs: { axis: 0 } },
        { op: 'Gather', inputs: ['s', 'last'], outputs: ['w'], attrs: { axis: 0 } },
        { op: 'Gather', inputs: ['s', 'second'], outputs: ['h'], attrs: { axis: 0 } },
        { op: 'Mul', inputs: ['h', 'w'], outputs: ['hw'] },
        { op: 'Unsqueeze', inputs: ['b'], outputs: ['b1'], attrs: { axes: [0] } },
        { op: 'Unsqueeze', inputs: ['hw'], outputs: ['hw1'], attrs: { axes: [-1] } },
        { op: 'Concat', inputs: ['b1', 'hw1'], outputs: ['shape'], attrs: { axis: 0 } },
        { op: 'Transpose', inputs: ['x'], outputs: ['t'], attrs: { perm: [0, 2, 1] } },
        { op: 'Reshape', inputs: ['t', 'shape'], outputs: ['y'] },
      ],
      inits: {
        zero: { dims: [], values: [0], int: true },
        last: { dims: [], values: [-1], int: true },
        second: { dims: [], values: [1], int: true },
      },
      output: 'y',
      opset: 11,
    };
    // [[1, 2, 3], [4, 5, 6]] transposed is [[1, 4], [2, 5], [3, 6]]; reshaped to [batch, 2 * 3].
    expect(await run(g, [1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 1])).toEqual([1, 4, 2, 5, 3, 6, 0, 0, 0, 0, 0, 1]);
  });

  it('Gemm with alpha and beta; MatMul, Sub, LeakyRelu, Mul, Div', async () => {
    const g: GraphSpec = {
      input: [2],
      nodes: [
        { op: 'Gemm', inputs: ['x', 'w', 'c'], outputs: ['g'], attrs: { alpha: 2, beta: 0.5 } },
        { op: 'MatMul', inputs: ['x', 'm'], outputs: ['mm'] },
        { op: 'Sub', inputs: ['mm', 'g'], outputs: ['d'] },
        { op: 'LeakyRelu', inputs: ['d'], outputs: ['l'], attrs: { alpha: 0.5 } },
        { op: 'Mul', inputs: ['l', 'two'], outputs: ['l2'] },
        { op: 'Div', inputs: ['l2', 'four'], outputs: ['y'] },
      ],
      inits: {
        w: { dims: [2, 2], values: [1, 0, 2, -1] },
        c: { dims: [2], values: [2, 4] },
        m: { dims: [2, 2], values: [1, 0, 0, 1] },
        two: { dims: [], values: [2] },
        four: { dims: [], values: [4] },
      },
      output: 'y',
    };
    // x = [1, 3]: g = 2 [7, -3] + 0.5 [2, 4] = [15, -4]; d = [1, 3] - g = [-14, 7]; leaky [-7, 7]; * 2 / 4.
    expect(await run(g, [1, 3])).toEqual([-3.5, 3.5]);
  });

  it('a one-unit Sigmoid head is read as two classes with logits [-z/2, z/2]', async () => {
    const g: GraphSpec = {
      input: [2],
      nodes: [
        { op: 'Gemm', inputs: ['x', 'w'], outputs: ['z'], attrs: { transB: 1 } },
        { op: 'Sigmoid', inputs: ['z'], outputs: ['y'] },
      ],
      inits: { w: { dims: [1, 2], values: [1, 2] } },
      output: 'y',
    };
    const m = await modelOf(g);
    expect(m.numClasses).toBe(2);
    const engine = new Engine(m);
    const x = makeBatch(Float32Array.from([1, 1]), [2]);
    expect(Array.from(engine.outputs(x, 'logit'))).toEqual([-1.5, 1.5]);
    expect(engine.outputs(x, 'probability')[1]).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(Array.from(engine.gradients(x, [1], 'logit'))).toEqual([0.5, 1]);
    m.dispose();
  });
});
