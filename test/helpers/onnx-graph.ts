/**
 * Builds small .onnx files in tests (ONNX's ModelProto, encoded by onnx-proto), for operators and
 * attributes the PyTorch fixtures (test/fixtures/onnx/) do not exercise and for refusals.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { AttributeType } = onnx.AttributeProto;

export type Attr = number | number[] | string | { floats: number[] } | { tensor: Init };

export interface Init {
  readonly dims: number[];
  readonly values: number[];
  readonly int?: boolean;
}

export interface NodeSpec {
  readonly op: string;
  readonly name?: string;
  readonly inputs: string[];
  readonly outputs: string[];
  readonly attrs?: Record<string, Attr>;
  readonly domain?: string;
}

export interface GraphSpec {
  /** Per-sample input shape; the batch axis is added as a dynamic 'batch' dimension. */
  readonly input: number[];
  readonly nodes: NodeSpec[];
  readonly inits?: Record<string, Init>;
  readonly output: string;
  readonly opset?: number;
}

function tensor(name: string, t: Init): onnxProto.onnx.ITensorProto {
  return t.int
    ? { name, dims: t.dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: t.values }
    : { name, dims: t.dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: t.values };
}

/** Integers are INT attributes unless `floatAttrs` names them (alpha, epsilon...: FLOAT). */
function attribute(name: string, v: Attr): onnxProto.onnx.IAttributeProto {
  if (typeof v === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(v) };
  if (Array.isArray(v)) return { name, type: AttributeType.INTS, ints: v };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && !FLOAT_ATTRS.has(name)) return { name, type: AttributeType.INT, i: v };
    return { name, type: AttributeType.FLOAT, f: v };
  }
  if ('floats' in v) return { name, type: AttributeType.FLOATS, floats: v.floats };
  return { name, type: AttributeType.TENSOR, t: tensor('', v.tensor) };
}

const FLOAT_ATTRS = new Set(['alpha', 'beta', 'epsilon', 'value_float']);

export function onnxBytes(g: GraphSpec): Uint8Array {
  const dims = [{ dimParam: 'batch' }, ...g.input.map((d) => ({ dimValue: d }))];
  const model: onnxProto.onnx.IModelProto = {
    irVersion: 7,
    producerName: 'xai-bench tests',
    opsetImport: [{ domain: '', version: g.opset ?? 13 }],
    graph: {
      name: 'test',
      node: g.nodes.map((n, k) => ({
        opType: n.op,
        name: n.name ?? `${n.op}_${k}`,
        input: n.inputs,
        output: n.outputs,
        domain: n.domain ?? '',
        attribute: Object.entries(n.attrs ?? {}).map(([k2, v]) => attribute(k2, v)),
      })),
      initializer: Object.entries(g.inits ?? {}).map(([name, t]) => tensor(name, t)),
      input: [{ name: 'x', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: dims } } } }],
      output: [{ name: g.output, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } }],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}
