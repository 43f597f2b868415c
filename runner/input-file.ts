/**
 * Reads the user's JSON input files for `explain` and `score`: either an array of samples, or an
 * object `{ "inputs": [...], "targets"?: [...] }`, each sample nested arrays shaped like the model
 * input (without the batch axis). Every problem is a UserError naming the file and the position.
 */
import { readFileSync } from 'node:fs';
import { type Batch, fromNested, sizeOf } from '../core/batch.js';
import { UserError } from '../core/errors.js';

export interface InputFile {
  readonly batch: Batch;
  readonly targets: Int32Array | null;
  readonly sampleIds: string[];
}

export function readJsonFile(path: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${flag} ${path}: cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`${flag} ${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function readInputFile(path: string, sampleShape: readonly number[], numClasses: number, flag = '--input'): InputFile {
  const json = readJsonFile(path, flag);
  let inputs: unknown;
  let targets: unknown = undefined;
  let ids: unknown = undefined;
  if (Array.isArray(json)) inputs = json;
  else if (json && typeof json === 'object' && 'inputs' in json) {
    const o = json as { inputs: unknown; targets?: unknown; sampleIds?: unknown };
    inputs = o.inputs;
    targets = o.targets;
    ids = o.sampleIds;
  } else {
    throw new UserError(`${flag} ${path}: expected an array of inputs or an object with "inputs"`);
  }
  if (!Array.isArray(inputs) || inputs.length === 0) throw new UserError(`${flag} ${path}: "inputs" must be a non-empty array`);
  const d = sizeOf(sampleShape);
  const data = new Float32Array(inputs.length * d);
  inputs.forEach((sample, i) => {
    const r = fromNested(sample, sampleShape);
    if ('error' in r) {
      throw new UserError(`${flag} ${path}: inputs[${i}]${r.error.startsWith('[') ? r.error : `: ${r.error}`} (model input shape is [${sampleShape.join(', ')}])`);
    }
    data.set(r.data, i * d);
  });
  let t: Int32Array | null = null;
  if (targets !== undefined) {
    if (!Array.isArray(targets) || targets.length !== inputs.length) {
      throw new UserError(`${flag} ${path}: "targets" must be an array with one class index per input (${inputs.length})`);
    }
    t = new Int32Array(targets.length);
    targets.forEach((v, i) => {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= numClasses) {
        throw new UserError(`${flag} ${path}: targets[${i}] = ${JSON.stringify(v)} is not a class index in [0, ${numClasses})`);
      }
      t![i] = v as number;
    });
  }
  let sampleIds: string[];
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length !== inputs.length || ids.some((s) => typeof s !== 'string') || new Set(ids).size !== ids.length) {
      throw new UserError(`${flag} ${path}: "sampleIds" must be distinct strings, one per input`);
    }
    sampleIds = ids as string[];
  } else {
    sampleIds = inputs.map((_, i) => `input-${String(i).padStart(4, '0')}`);
  }
  return { batch: { n: inputs.length, sampleShape, data }, targets: t, sampleIds };
}
