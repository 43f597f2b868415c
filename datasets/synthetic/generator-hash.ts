/** Data set hash of a synthetic set: sha256 of generator id, seed and parameters (DatasetInfo.hash). */
import { createHash } from 'node:crypto';

export function generatorHash(generator: string, seed: number, params: unknown): string {
  return createHash('sha256').update(JSON.stringify({ generator, seed, params })).digest('hex');
}
