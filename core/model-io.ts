/**
 * Filesystem IO for tfjs LayersModels (plain tfjs has none in Node): model.json plus its weight
 * files, in the format of the TensorFlow.js converter, so users can bring any converted Keras model.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserError } from './errors.js';

interface ModelJson {
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  trainingConfig?: unknown;
}

function fail(path: string, what: string): never {
  throw new UserError(`${path}: ${what}`);
}

/**
 * A weight file of the manifest, inside the model's folder only: an absolute path or one that leaves the
 * folder ('../x') is refused before anything is read, so a model.json cannot load (or size) outside files.
 */
function weightPath(modelJsonPath: string, dir: string, p: unknown): string {
  if (typeof p !== 'string' || p === '') fail(modelJsonPath, `weight path ${JSON.stringify(p)} is not a file name`);
  const wp = resolve(dir, p);
  const rel = relative(dir, wp);
  if (isAbsolute(p) || rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    fail(modelJsonPath, `weight path '${p}' is outside the model's folder (weight files must lie beside model.json)`);
  }
  return wp;
}

/** A weight entry: a name, a shape of non-negative integers and a known dtype. */
function checkSpec(modelJsonPath: string, s: tf.io.WeightsManifestEntry, at: string): void {
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string') fail(modelJsonPath, `${at} needs a "name"`);
  if (!Array.isArray(s.shape) || !s.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    fail(modelJsonPath, `${at} (${s.name}) needs a "shape", a list of non-negative integers`);
  }
  bytesPer(s.dtype, modelJsonPath);
}

/** Float weights must be numbers: a NaN or infinite weight makes every output NaN. */
function checkFinite(modelJsonPath: string, specs: readonly tf.io.WeightsManifestEntry[], data: Uint8Array): void {
  let off = 0;
  for (const s of specs) {
    const n = s.shape.reduce((x, y) => x * y, 1);
    if (s.dtype === 'float32' && !s.quantization) {
      const v = new Float32Array(data.buffer.slice(data.byteOffset + off, data.byteOffset + off + n * 4));
      const bad = v.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) fail(modelJsonPath, `weight ${s.name} holds ${v[bad]} at element ${bad} (weights must be finite numbers)`);
    }
    off += n * bytesPer(s.dtype, modelJsonPath);
  }
}

/** Reads model.json and its weights into ModelArtifacts, validating the layout as it goes. */
export function readModelArtifacts(modelJsonPath: string): tf.io.ModelArtifacts {
  const path = resolve(modelJsonPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(modelJsonPath, `cannot read model file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: ModelJson;
  try {
    json = JSON.parse(text) as ModelJson;
  } catch (e) {
    fail(modelJsonPath, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null) fail(modelJsonPath, 'expected a JSON object');
  if (!json.modelTopology) fail(modelJsonPath, 'missing "modelTopology" (is this a tfjs layers-model model.json?)');
  if (!Array.isArray(json.weightsManifest)) fail(modelJsonPath, 'missing "weightsManifest" array');
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Uint8Array[] = [];
  for (const [g, group] of json.weightsManifest.entries()) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group?.weights)) {
      fail(modelJsonPath, `weightsManifest[${g}] needs "paths" and "weights" arrays`);
    }
    group.weights.forEach((s, k) => checkSpec(modelJsonPath, s, `weightsManifest[${g}].weights[${k}]`));
    specs.push(...group.weights);
    for (const p of group.paths) {
      const wp = weightPath(modelJsonPath, dirname(path), p);
      try {
        buffers.push(readFileSync(wp));
      } catch (e) {
        fail(wp, `weight file listed in ${modelJsonPath} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
    }
  }
  const total = buffers.reduce((a, b) => a + b.byteLength, 0);
  const expected = specs.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1) * bytesPer(s.dtype, modelJsonPath), 0);
  if (total !== expected) fail(modelJsonPath, `weight files hold ${total} bytes but the manifest describes ${expected}`);
  const weightData = new Uint8Array(total);
  let off = 0;
  for (const b of buffers) {
    weightData.set(b, off);
    off += b.byteLength;
  }
  checkFinite(modelJsonPath, specs, weightData);
  return {
    modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: specs,
    weightData: weightData.buffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
  };
}

function bytesPer(dtype: string, where: string): number {
  switch (dtype) {
    case 'float32':
    case 'int32':
      return 4;
    case 'bool':
    case 'uint8':
      return 1;
    case 'float16':
    case 'uint16':
    case 'int16':
      return 2;
    default:
      fail(where, `unsupported weight dtype '${dtype}'`);
  }
}

export async function loadLayersModel(modelJsonPath: string): Promise<tf.LayersModel> {
  const artifacts = readModelArtifacts(modelJsonPath);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    fail(modelJsonPath, `tfjs could not build the model (${(e as Error).message.split('\n')[0]})`);
  }
}

/** An IOHandler that writes model.json + weights.bin into `dir` atomically (temp files, then rename). */
function fileSaveHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      mkdirSync(dir, { recursive: true });
      const wd = artifacts.weightData;
      const weights = wd === undefined ? new ArrayBuffer(0) : Array.isArray(wd) ? tf.io.concatenateArrayBuffers(wd) : wd;
      const modelJson = {
        format: 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      const wTmp = join(dir, 'weights.bin.tmp');
      const mTmp = join(dir, 'model.json.tmp');
      writeFileSync(wTmp, Buffer.from(weights));
      writeFileSync(mTmp, JSON.stringify(modelJson));
      renameSync(wTmp, join(dir, 'weights.bin'));
      renameSync(mTmp, join(dir, 'model.json'));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightData: weights }) };
    },
  };
}

export async function saveLayersModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(fileSaveHandler(dir));
}
