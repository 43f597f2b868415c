/** Files that are not ONNX models xai-bench can run are refused before anything runs, naming file and fault. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { readOnnx } from './read-onnx.js';
import { type GraphSpec, onnxBytes } from '../../test/helpers/onnx-graph.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xai-bench-read-onnx-'));
});

function refusal(bytes: Uint8Array | string, name = 'm.onnx'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    readOnnx(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const msg = (e as Error).message;
    expect(msg.startsWith(`${path}: `)).toBe(true);
    expect(msg.split('\n')).toHaveLength(1);
    return msg.slice(path.length + 2);
  }
  throw new Error('not refused');
}

const relu = (over: Partial<GraphSpec> = {}): GraphSpec => ({
  input: [3],
  nodes: [{ op: 'Relu', name: 'r', inputs: ['x'], outputs: ['y'] }],
  output: 'y',
  ...over,
});

describe('readOnnx refuses', () => {
  it('a truncated file, a text file and random bytes', () => {
    const whole = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'onnx', 'cnn.onnx'));
    expect(refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/not an ONNX model, or a truncated one \(protobuf decoding failed/);
    expect(refusal('{"modelTopology": {}}\n')).toMatch(/not an ONNX model/);
    expect(refusal(Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256))).toMatch(/not an ONNX model/);
    expect(refusal(new Uint8Array(0))).toMatch(/not an ONNX model/);
  });

  it('an operator without a rule, naming its type and node, and one from another domain', () => {
    const erf = relu({ nodes: [{ op: 'Erf', name: '/act/Erf', inputs: ['x'], outputs: ['y'] }] });
    expect(refusal(onnxBytes(erf))).toMatch(/^operator Erf \(node '\/act\/Erf'\) is not supported \(supported: Add, AveragePool, /);
    const ms = relu({ nodes: [{ op: 'Relu', name: 'r', inputs: ['x'], outputs: ['y'], domain: 'com.microsoft' }] });
    expect(refusal(onnxBytes(ms))).toMatch(/operator Relu \(node 'r'\) is from domain 'com.microsoft'/);
  });

  it('attributes a rule does not implement', () => {
    const pool = relu({
      input: [1, 4, 4],
      nodes: [{ op: 'MaxPool', name: 'p', inputs: ['x'], outputs: ['y'], attrs: { kernel_shape: [2, 2], dilations: [2, 2] } }],
    });
    expect(refusal(onnxBytes(pool))).toMatch(/operator MaxPool \(node 'p'\): dilations \[2, 2\] are not supported/);
    const pad = relu({ nodes: [{ op: 'Pad', name: 'p', inputs: ['x'], outputs: ['y'], attrs: { mode: 'reflect' } }] });
    expect(refusal(onnxBytes(pad))).toMatch(/operator Pad \(node 'p'\): mode=reflect is not supported/);
  });

  it('a tensor read before any node makes it, a non-finite weight, an input with a dynamic sample axis', () => {
    const dangling = relu({ nodes: [{ op: 'Add', name: 'a', inputs: ['x', 'ghost'], outputs: ['y'] }] });
    expect(refusal(onnxBytes(dangling))).toMatch(/Add \(node 'a'\) reads 'ghost', which no earlier node, initialiser or the input provides/);
    const nan = relu({
      nodes: [{ op: 'Add', name: 'a', inputs: ['x', 'b'], outputs: ['y'] }],
      inits: { b: { dims: [3], values: [0, NaN, 1] } },
    });
    expect(refusal(onnxBytes(nan))).toMatch(/initialiser 'b': holds NaN at element 1/);
    const bytes = onnxBytes(relu({ input: [0] }));
    expect(refusal(bytes)).toMatch(/input dimension 1 \(unknown\) is not fixed; only the batch axis may be dynamic/);
  });
});
