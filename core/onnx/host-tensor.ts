/**
 * ONNX TensorProto (initialisers, Constant values) as plain arrays: floats as float32, integers as int32
 * (tfjs has no int64; shape plumbing and indices fit in 32 bits, and a value that does not is refused).
 */
import onnxProto from 'onnx-proto';

type ITensorProto = onnxProto.onnx.ITensorProto;
const { DataType } = onnxProto.onnx.TensorProto;

export interface HostTensor {
  readonly dtype: 'float32' | 'int32';
  readonly shape: readonly number[];
  readonly values: Float32Array | Int32Array;
}

/** A protobuf int64 (a number, or a Long object when protobufjs has Long) as a safe integer. */
export function int64(v: number | { toString(): string } | null | undefined): number {
  const n = typeof v === 'number' ? v : Number(v?.toString() ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${String(v)} is out of range`);
  return n;
}

function checkedInt32(n: number): number {
  // INT64_MAX / INT64_MIN stand for "to the end" in Slice-like uses; clamp those, refuse other big values.
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw new RangeError(`integer ${n} does not fit in 32 bits`);
  return n;
}

function fromRaw(t: ITensorProto, dtype: number, size: number): Float32Array | Int32Array {
  const raw = t.rawData!;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const width = { [DataType.FLOAT]: 4, [DataType.DOUBLE]: 8, [DataType.INT32]: 4, [DataType.INT64]: 8 }[dtype] ?? 0;
  if (raw.byteLength !== size * width) throw new RangeError(`raw data holds ${raw.byteLength} bytes, the shape needs ${size * width}`);
  if (dtype === DataType.FLOAT) return Float32Array.from({ length: size }, (_, i) => view.getFloat32(4 * i, true));
  if (dtype === DataType.DOUBLE) return Float32Array.from({ length: size }, (_, i) => view.getFloat64(8 * i, true));
  if (dtype === DataType.INT32) return Int32Array.from({ length: size }, (_, i) => view.getInt32(4 * i, true));
  return Int32Array.from({ length: size }, (_, i) => checkedInt32(int64(view.getBigInt64(8 * i, true).toString())));
}

function fromFields(t: ITensorProto, dtype: number): Float32Array | Int32Array {
  if (dtype === DataType.FLOAT) return Float32Array.from(t.floatData ?? []);
  if (dtype === DataType.DOUBLE) return Float32Array.from(t.doubleData ?? []);
  if (dtype === DataType.INT32) return Int32Array.from(t.int32Data ?? []);
  return Int32Array.from((t.int64Data ?? []).map((v) => checkedInt32(int64(v))));
}

/** Decodes a TensorProto; throws a RangeError saying what is wrong with it. */
export function hostTensor(t: ITensorProto): HostTensor {
  const dtype = t.dataType ?? 0;
  if (![DataType.FLOAT, DataType.DOUBLE, DataType.INT32, DataType.INT64].includes(dtype)) {
    throw new RangeError(`data type ${DataType[dtype] ?? dtype} is not supported (float, double, int32, int64 are)`);
  }
  if (t.dataLocation === onnxProto.onnx.TensorProto.DataLocation.EXTERNAL) {
    throw new RangeError('its data lies in an external file, which is not supported (export with the weights inside the .onnx file)');
  }
  const shape = (t.dims ?? []).map((d) => int64(d));
  if (shape.some((d) => d < 0)) throw new RangeError(`shape [${shape.join(', ')}] has a negative dimension`);
  const size = shape.reduce((a, b) => a * b, 1);
  const values = t.rawData && t.rawData.byteLength > 0 ? fromRaw(t, dtype, size) : fromFields(t, dtype);
  if (values.length !== size) throw new RangeError(`holds ${values.length} values, its shape [${shape.join(', ')}] needs ${size}`);
  const bad = values instanceof Float32Array ? values.findIndex((v) => !Number.isFinite(v)) : -1;
  if (bad >= 0) throw new RangeError(`holds ${values[bad]} at element ${bad} (weights must be finite numbers)`);
  return { dtype: values instanceof Float32Array ? 'float32' : 'int32', shape, values };
}
