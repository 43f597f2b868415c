/**
 * Reads NumPy's `.npy` format (NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays",
 * versions 1.0 to 3.0): the magic `\x93NUMPY`, a version, a header length, a Python dict literal
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`, then the raw data.
 *
 * Written here rather than taken from the `npyjs` package because npyjs 1.2 refuses big-endian
 * arrays (`>f4`), hands Fortran-ordered data back unreordered, and reads a truncated file without
 * noticing when the cut falls on a whole element (checked against NumPy-written files: see
 * core/npy.test.ts and test/fixtures/numpy/make-fixtures.py). Here every real numeric dtype is read in
 * either byte order, Fortran order is turned into C order, and a file whose data is shorter or longer
 * than its header says is refused. Object arrays (pickled Python objects), complex, text, structured
 * and date dtypes are refused with what they are: a pickle must never be loaded from a user's file.
 */
import { UserError } from './errors.js';

export interface NpyArray {
  /** The array's shape, C order (last axis fastest). */
  readonly shape: readonly number[];
  /** NumPy's name of the stored dtype: 'float32', 'float64', 'uint8', ... */
  readonly dtype: string;
  /** The values in C order, as float32 (float64 values are rounded; beyond ±3.4e38 they become ±Infinity). */
  readonly data: Float32Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Real numeric dtypes by kind and size: their NumPy name and how to read one element. */
const NUMERIC: Record<string, { name: string; read: (v: DataView, at: number, le: boolean) => number }> = {
  f4: { name: 'float32', read: (v, at, le) => v.getFloat32(at, le) },
  f8: { name: 'float64', read: (v, at, le) => v.getFloat64(at, le) },
  f2: { name: 'float16', read: (v, at, le) => halfToNumber(v.getUint16(at, le)) },
  i1: { name: 'int8', read: (v, at) => v.getInt8(at) },
  u1: { name: 'uint8', read: (v, at) => v.getUint8(at) },
  i2: { name: 'int16', read: (v, at, le) => v.getInt16(at, le) },
  u2: { name: 'uint16', read: (v, at, le) => v.getUint16(at, le) },
  i4: { name: 'int32', read: (v, at, le) => v.getInt32(at, le) },
  u4: { name: 'uint32', read: (v, at, le) => v.getUint32(at, le) },
  i8: { name: 'int64', read: (v, at, le) => Number(v.getBigInt64(at, le)) },
  u8: { name: 'uint64', read: (v, at, le) => Number(v.getBigUint64(at, le)) },
  b1: { name: 'bool', read: (v, at) => v.getUint8(at) },
};

/** IEEE 754 half precision to a number. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** What a dtype NumPy can write but we do not read is, in words. */
function unreadable(descr: string): string {
  const kind = descr.replace(/^[<>|=]/, '')[0];
  if (kind === 'O') return `an array of Python objects (dtype ${descr}, stored as a pickle), which is never loaded; save a float32 or float64 array`;
  if (kind === 'c') return `a complex array (dtype ${descr}); save the real part (or the magnitude) as float32 or float64`;
  if (kind === 'U' || kind === 'S') return `a text array (dtype ${descr})`;
  if (kind === 'M' || kind === 'm') return `a date or time array (dtype ${descr})`;
  if (kind === 'V') return `a raw or structured array (dtype ${descr})`;
  return `an array of unknown dtype ${descr}`;
}

interface Header {
  readonly descr: string;
  readonly fortran: boolean;
  readonly shape: number[];
  readonly dataStart: number;
}

function readHeader(bytes: Uint8Array, where: string): Header {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new UserError(`${where}: not a .npy file (it does not start with NumPy's magic \\x93NUMPY)`);
  const major = bytes[6];
  if (major < 1 || major > 3) throw new UserError(`${where}: .npy format version ${major}.${bytes[7]} is not one of 1.0, 2.0, 3.0`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) throw new UserError(`${where}: truncated .npy file (it ends inside the header)`);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lenBytes + headerLen;
  if (bytes.length < dataStart) throw new UserError(`${where}: truncated .npy file (it ends inside the header)`);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lenBytes, dataStart));
  if (/'descr'\s*:\s*\[/.test(text)) throw new UserError(`${where}: holds a structured array (fields); save a plain float32 or float64 array`);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new UserError(`${where}: malformed .npy header (expected 'descr', 'fortran_order' and 'shape'): ${text.trim().slice(0, 120)}`);
  }
  const dims = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (dims.some((s) => !/^\d+L?$/.test(s))) throw new UserError(`${where}: malformed .npy header: shape (${shapeText})`);
  return { descr, fortran: fortran === 'True', shape: dims.map((s) => parseInt(s, 10)), dataStart };
}

/** Parses the bytes of a `.npy` file; `where` names it in messages (e.g. "--attributions x.npy"). */
export function parseNpy(bytes: Uint8Array, where: string): NpyArray {
  const h = readHeader(bytes, where);
  const order = h.descr[0];
  const code = /^[<>|=]/.test(h.descr) ? h.descr.slice(1) : h.descr;
  const numeric = NUMERIC[code];
  if (!numeric) throw new UserError(`${where}: holds ${unreadable(h.descr)}`);
  // '=' is the writer's native order; NumPy writes '<' or '>' explicitly, and every machine it runs on today is little-endian.
  const littleEndian = order !== '>';
  const size = Number(code.slice(1));
  const count = h.shape.reduce((a, b) => a * b, 1);
  const have = bytes.length - h.dataStart;
  const want = count * size;
  if (have < want) {
    throw new UserError(`${where}: truncated .npy file: its header promises ${count} ${numeric.name} values (${want} bytes) of shape (${h.shape.join(', ')}), the file holds ${have} bytes of data`);
  }
  if (have > want) throw new UserError(`${where}: ${have - want} bytes follow the ${want} bytes of data its header describes; not a single .npy array`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + h.dataStart, want);
  const stored = new Float32Array(count);
  for (let i = 0; i < count; i++) stored[i] = numeric.read(view, i * size, littleEndian);
  const data = h.fortran && h.shape.length > 1 ? fortranToC(stored, h.shape) : stored;
  return { shape: h.shape, dtype: numeric.name, data };
}

/** Reorders values stored first-axis-fastest (Fortran order) into last-axis-fastest (C order). */
export function fortranToC(stored: Float32Array, shape: readonly number[]): Float32Array {
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let s = 1;
  for (let a = rank - 1; a >= 0; a--) {
    strides[a] = s;
    s *= shape[a];
  }
  const out = new Float32Array(stored.length);
  const index = new Array<number>(rank).fill(0);
  let at = 0;
  for (let i = 0; i < stored.length; i++) {
    out[at] = stored[i];
    // Next multi-index in Fortran order: the first axis moves fastest.
    for (let a = 0; a < rank; a++) {
      index[a]++;
      at += strides[a];
      if (index[a] < shape[a]) break;
      at -= strides[a] * shape[a];
      index[a] = 0;
    }
  }
  return out;
}
