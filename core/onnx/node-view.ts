/** One ONNX node with typed access to its attributes (defaults as the ONNX operator specs give them). */
import onnxProto from 'onnx-proto';
import { type HostTensor, hostTensor, int64 } from './host-tensor.js';

type IAttributeProto = onnxProto.onnx.IAttributeProto;

export class NodeView {
  private readonly attrs = new Map<string, IAttributeProto>();

  constructor(
    readonly opType: string,
    readonly name: string,
    readonly inputs: readonly string[],
    readonly outputs: readonly string[],
    attributes: readonly IAttributeProto[],
    /** The default-domain opset the model imports (operators changed meaning across versions). */
    readonly opset: number,
  ) {
    for (const a of attributes) if (a.name) this.attrs.set(a.name, a);
  }

  /** 'Conv (node /conv1/Conv)': how errors name the node. */
  get label(): string {
    return `${this.opType} (node '${this.name}')`;
  }

  has(name: string): boolean {
    return this.attrs.has(name);
  }

  int(name: string, dflt: number): number {
    const a = this.attrs.get(name);
    return a ? int64(a.i) : dflt;
  }

  float(name: string, dflt: number): number {
    const a = this.attrs.get(name);
    return a ? (a.f ?? 0) : dflt;
  }

  ints(name: string): number[] | null {
    const a = this.attrs.get(name);
    return a ? (a.ints ?? []).map((v) => int64(v)) : null;
  }

  floats(name: string): number[] | null {
    const a = this.attrs.get(name);
    return a ? [...(a.floats ?? [])] : null;
  }

  string(name: string, dflt: string): string {
    const a = this.attrs.get(name);
    return a?.s ? new TextDecoder().decode(a.s) : dflt;
  }

  tensor(name: string): HostTensor | null {
    const a = this.attrs.get(name);
    return a?.t ? hostTensor(a.t) : null;
  }

  attributeNames(): string[] {
    return [...this.attrs.keys()];
  }
}
