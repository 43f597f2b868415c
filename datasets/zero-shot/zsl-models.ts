/** Where the zero-shot splits' seen-class networks are committed, and their training record. */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Architecture, Training } from '../zoo-spec.js';

const ZSL_MODELS_DIR = join(PACKAGE_ROOT, 'data', 'zero-shot-models');

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
