/**
 * The committed record of the trained zoo (data/models/zoo.json, written by `npm run train`):
 * per model its test accuracy, size, seed, training settings and time, and for synthetic sets the
 * ground-truth check. Tasks take their groundTruthCheck from here; zoo.test.ts re-measures it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { MODELS_DIR, ZOO_JSON } from './paths.js';
import type { GroundTruthCheck } from './task.js';
import type { Architecture, Training } from './zoo-spec.js';

export const ZOO_SCHEMA = 'xai-bench/zoo@1';

export interface ZooEntry {
  readonly id: string;
  readonly datasetId: string;
  readonly architecture: Architecture;
  readonly training: Training;
  readonly seed: number;
  readonly parameters: number;
  readonly backend: string;
  readonly trainSeconds: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly testSize: number;
  readonly modelHash: string;
  readonly sizeBytes: number;
  readonly groundTruthCheck?: GroundTruthCheck;
}

export interface Zoo {
  readonly schema: typeof ZOO_SCHEMA;
  readonly models: readonly ZooEntry[];
}

export function modelJsonPath(modelId: string): string {
  return join(MODELS_DIR, modelId, 'model.json');
}

let cached: Zoo | null = null;

export function readZoo(path = ZOO_JSON): Zoo {
  if (path === ZOO_JSON && cached) return cached;
  if (!existsSync(path)) throw new UserError(`${path}: missing; run \`npm run train\` to train the model zoo`);
  const zoo = JSON.parse(readFileSync(path, 'utf8')) as Zoo;
  if (zoo.schema !== ZOO_SCHEMA) throw new UserError(`${path}: schema is '${zoo.schema}', expected '${ZOO_SCHEMA}'`);
  if (path === ZOO_JSON) cached = zoo;
  return zoo;
}

export function zooEntry(modelId: string): ZooEntry {
  const e = readZoo().models.find((m) => m.id === modelId);
  if (!e) throw new UserError(`${ZOO_JSON}: no entry for model '${modelId}'; run \`npm run train -- --only ${modelId}\``);
  return e;
}
