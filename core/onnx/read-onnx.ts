/**
 * Reads an .onnx file (ONNX's protobuf ModelProto, decoded by onnx-proto on protobufjs) and checks,
 * before anything runs, that it is a graph xai-bench can run: one float input [batch, ...fixed dims],
 * one output, default-domain operators that ops/ implements with their attributes, every tensor
 * produced before it is read. Anything else is a UserError naming the file and what is wrong.
 */
import { readFileSync } from 'node:fs';
import onnxProto from 'onnx-proto';
import { UserError } from '../errors.js';
import { type HostTensor, hostTensor, int64 } from './host-tensor.js';
import { NodeView } from './node-view.js';
import { onnxOp, onnxOpTypes } from './ops/index.js';

const { onnx } = onnxProto;

export interface OnnxGraph {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly opset: number;
  readonly inputName: string;
  /** One input's shape, without the batch axis. */
  readonly inputShape: readonly number[];
  readonly outputName: string;
  readonly nodes: readonly NodeView[];
  readonly initializers: ReadonlyMap<string, HostTensor>;
}

function fail(path: string, what: string): never {
  throw new UserError(`${path}: ${what}`);
}

function decode(path: string): { bytes: Uint8Array; model: onnxProto.onnx.ModelProto } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    fail(path, `cannot read model file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let model: onnxProto.onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    fail(path, `not an ONNX model, or a truncated one (protobuf decoding failed: ${(e as Error).message})`);
  }
  if (!model.graph || int64(model.irVersion) <= 0 || (model.graph.node ?? []).length === 0) {
    fail(path, 'not an ONNX model (no IR version or no graph of nodes; is this an .onnx file from torch.onnx.export?)');
  }
  return { bytes, model };
}

function defaultOpset(path: string, model: onnxProto.onnx.ModelProto): number {
  const entry = model.opsetImport.find((o) => o.domain === '' || o.domain === 'ai.onnx' || !o.domain);
  if (!entry) fail(path, 'imports no default-domain opset (not an ONNX model from torch.onnx.export?)');
  return int64(entry.version);
}

function readInitializers(path: string, graph: onnxProto.onnx.IGraphProto): Map<string, HostTensor> {
  const out = new Map<string, HostTensor>();
  for (const t of graph.initializer ?? []) {
    try {
      out.set(t.name ?? '', hostTensor(t));
    } catch (e) {
      fail(path, `initialiser '${t.name}': ${(e as Error).message}`);
    }
  }
  return out;
}

/** The one real input (older exports also list initialisers as inputs): its name and per-sample shape. */
function readInput(path: string, graph: onnxProto.onnx.IGraphProto, inits: ReadonlyMap<string, HostTensor>): [string, number[]] {
  const inputs = (graph.input ?? []).filter((i) => !inits.has(i.name ?? ''));
  if (inputs.length !== 1) fail(path, `expected a graph with one input, got ${inputs.length} (${inputs.map((i) => i.name).join(', ')})`);
  const t = inputs[0].type?.tensorType;
  if (!t || t.elemType !== onnx.TensorProto.DataType.FLOAT) fail(path, `input '${inputs[0].name}' is not a float32 tensor`);
  const dims = t.shape?.dim ?? [];
  if (dims.length < 2) fail(path, `input '${inputs[0].name}' has rank ${dims.length}; expected [batch, ...] with at least one more axis`);
  const shape = dims.slice(1).map((d, i) => {
    const v = d.dimValue === null || d.dimValue === undefined ? 0 : int64(d.dimValue);
    if (v <= 0) fail(path, `input dimension ${i + 1} (${d.dimParam || 'unknown'}) is not fixed; only the batch axis may be dynamic`);
    return v;
  });
  return [inputs[0].name ?? '', shape];
}

function readNodes(path: string, graph: onnxProto.onnx.IGraphProto, opset: number, known: Set<string>): NodeView[] {
  return (graph.node ?? []).map((n, k) => {
    const node = new NodeView(n.opType ?? '', n.name || `#${k}`, n.input ?? [], n.output ?? [], n.attribute ?? [], opset);
    if (n.domain && n.domain !== 'ai.onnx') fail(path, `operator ${node.label} is from domain '${n.domain}', which is not supported`);
    const rule = onnxOp(node.opType);
    if (!rule) fail(path, `operator ${node.label} is not supported (supported: ${onnxOpTypes().join(', ')})`);
    let why: string | null;
    try {
      why = rule.check?.(node) ?? null;
    } catch (e) {
      why = (e as Error).message;
    }
    if (why) fail(path, `operator ${node.label}: ${why}`);
    for (const name of node.inputs) {
      if (name && !known.has(name)) fail(path, `${node.label} reads '${name}', which no earlier node, initialiser or the input provides`);
    }
    for (const name of node.outputs) if (name) known.add(name);
    return node;
  });
}

export function readOnnx(path: string): OnnxGraph {
  const { bytes, model } = decode(path);
  const graph = model.graph!;
  const opset = defaultOpset(path, model);
  const initializers = readInitializers(path, graph);
  const [inputName, inputShape] = readInput(path, graph, initializers);
  const nodes = readNodes(path, graph, opset, new Set([inputName, ...initializers.keys()]));
  const outputs = graph.output ?? [];
  if (outputs.length !== 1) fail(path, `expected a graph with one output, got ${outputs.length}`);
  const outputName = outputs[0].name ?? '';
  if (!nodes.some((n) => n.outputs.includes(outputName))) fail(path, `no node produces the output '${outputName}'`);
  return { path, bytes, opset, inputName, inputShape, outputName, nodes, initializers };
}
