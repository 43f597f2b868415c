/**
 * What `score --attributions FILE` reads: attributions made by xai-bench (`xai-bench/explanation@1`)
 * or by any other tool, as
 * - a NumPy `.npy` array, or one array of a `.npz` archive (`--key` picks it), float32 or float64;
 * - a JSON array nested like the inputs (a bare array), or `{"attributions": [...]}`;
 * - a full explanation record.
 * The array forms are one batch: `(inputs, ...one input's shape)`, in the order of `--input` and in
 * the model's own layout. Every problem is a UserError naming the file (core/errors.ts).
 */
import { readFileSync } from 'node:fs';
import { fromNested } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import type { NpyArray } from '../core/npy.js';
import { parseNpy } from '../core/npy.js';
import { parseNpz } from '../core/npz.js';
import { assertValid } from '../core/schemas.js';
import type { AttributionExplanationRecord, ExplanationRecord } from './explanation-record.js';

/** An explanation record as written, or a bare batch of attributions read from an array format. */
export type AttributionFile =
  | { readonly kind: 'record'; readonly record: AttributionExplanationRecord }
  | { readonly kind: 'array'; readonly format: 'npy' | 'npz' | 'json'; readonly shape: readonly number[]; readonly data: Float32Array };

const ACCEPTED_DTYPES = ['float32', 'float64'];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
// A zip archive starts with a local file header, or with the end record when it is empty.
const ZIP_MAGICS = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]];

/** Reads `path` in whichever form it is (by content, not by name); `key` picks a `.npz` entry. */
export function readAttributionFile(path: string, key: string | undefined): AttributionFile {
  const where = `--attributions ${path}`;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new UserError(`${where}: cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const npz = ZIP_MAGICS.some((m) => startsWith(bytes, m));
  if (key !== undefined && !npz) throw new UserError(`--key ${key}: picks an array of a .npz archive, and ${path} is not one`);
  if (startsWith(bytes, NPY_MAGIC)) return fromNumpy(parseNpy(bytes, where), 'npy', where);
  if (npz) {
    const a = parseNpz(bytes, where, key, '--key');
    return fromNumpy(a, 'npz', `${where}[${a.key}]`);
  }
  return fromJson(bytes, where);
}

/** A NumPy array of attributions: float32 or float64, every value finite as float32. */
function fromNumpy(a: NpyArray, format: 'npy' | 'npz', where: string): AttributionFile {
  if (!ACCEPTED_DTYPES.includes(a.dtype)) {
    throw new UserError(`${where}: holds ${a.dtype} values; attributions must be float32 or float64 (e.g. arr.astype(np.float32))`);
  }
  if (a.shape.length < 2) {
    throw new UserError(`${where}: shape (${a.shape.join(', ')}) has no batch axis; expected (inputs, ...one input's shape)`);
  }
  const bad = a.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UserError(`${where}: value ${bad} (C order) is ${a.data[bad]} as float32; attributions must be finite`);
  return { kind: 'array', format, shape: a.shape, data: a.data };
}

/** The shape of a nested array, read along its first elements (fromNested then checks every element). */
function nestedShape(v: unknown): number[] {
  const shape: number[] = [];
  for (let x = v; Array.isArray(x); x = x[0]) shape.push(x.length);
  return shape;
}

function fromJson(bytes: Uint8Array, where: string): AttributionFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new UserError(`${where}: neither .npy, .npz nor valid JSON (${(e as Error).message})`);
  }
  const object = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (object && 'schema' in object) {
    assertValid('explanation', json, where);
    const family = (json as ExplanationRecord).family;
    if (family !== 'attribution') throw new UserError(`${where}: holds ${family} explanations; score them with --explainer`);
    return { kind: 'record', record: json as AttributionExplanationRecord };
  }
  if (object) {
    const extra = Object.keys(object).filter((k) => k !== 'attributions');
    if (extra.length > 0 || !('attributions' in object)) {
      throw new UserError(
        `${where}: expected a nested array, {"attributions": [...]} or an xai-bench/explanation@1 record` +
          (extra.length > 0 ? ` (unknown field '${extra[0]}'; targets come from --input or --target, the output from --output)` : ''),
      );
    }
  }
  const array = object ? object.attributions : json;
  const shape = nestedShape(array);
  if (shape.length < 2 || shape.includes(0)) {
    throw new UserError(`${where}: attributions must be nested arrays (inputs, ...one input's shape), got shape [${shape.join(', ')}]`);
  }
  const r = fromNested(array, shape);
  if ('error' in r) throw new UserError(`${where}: attributions${r.error.startsWith('[') ? r.error : `: ${r.error}`} (shape [${shape.join(', ')}] read from the first elements)`);
  return { kind: 'array', format: 'json', shape, data: r.data };
}
