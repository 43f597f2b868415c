/**
 * Instantiates one of the engine's WebAssembly SIMD kernels (core/wasm-simd/*.wat) on the tfjs wasm
 * backend's own memory, so a kernel reads and writes tensors where the backend keeps them. Returns null
 * where the runtime lacks WebAssembly SIMD or the backend does not expose its memory: callers then keep
 * their plain-JavaScript kernel, which computes the same values.
 */
import type * as tf from '@tensorflow/tfjs';

/** The parts of tfjs's wasm backend a kernel needs. */
export interface WasmHeapBackend {
  readonly wasm: { readonly asm?: { readonly memory?: WebAssembly.Memory } };
  readonly dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

const instances = new Map<string, { memory: WebAssembly.Memory; exports: WebAssembly.Exports } | null>();

export function simdKernel(name: string, base64: string, backend: WasmHeapBackend): WebAssembly.Exports | null {
  const memory = backend.wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  const known = instances.get(name);
  if (known !== undefined && (known === null || known.memory === memory)) return known?.exports ?? null;
  const bytes = Buffer.from(base64, 'base64');
  if (!WebAssembly.validate(bytes)) {
    instances.set(name, null);
    return null;
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  instances.set(name, { memory, exports: instance.exports });
  return instance.exports;
}

/** The byte offset of a tensor's data in the backend's memory. */
export function heapOffset(backend: WasmHeapBackend, t: tf.TensorInfo): number {
  const entry = backend.dataIdMap.get(t.dataId);
  if (!entry) throw new Error('tensor not on the wasm backend');
  return entry.memoryOffset;
}
