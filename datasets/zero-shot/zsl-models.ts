/** Where the zero-shot splits' seen-class networks are committed, and their training record. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Architecture, Training } from '../zoo-spec.js';

export const ZSL_MODELS_DIR = join(PACKAGE_ROOT, 'data', 'zero-shot-models');

export interface ZslTrainingRecord {
  readonly id: string;
  readonly seen: readonly number[];
  readonly unseen: readonly number[];
  readonly architecture: Architecture;
  readonly training: Training;
  readonly seed: number;
  readonly parameters: number;
  readonly backend: string;
  readonly trainSeconds: number;
  readonly trainAccuracy: number;
  /** Accuracy on the test rows of seen digits. */
  readonly seenTestAccuracy: number;
  readonly modelHash: string;
  readonly sizeBytes: number;
}

export function zslModelDir(id: string): string {
  return join(ZSL_MODELS_DIR, id);
}

export function zslTrainingRecord(id: string): ZslTrainingRecord {
  const p = join(zslModelDir(id), 'training.json');
  if (!existsSync(p)) throw new UserError(`${p}: missing; run \`npm run train:zsl -- --only ${id}\``);
  return JSON.parse(readFileSync(p, 'utf8')) as ZslTrainingRecord;
}
