/**
 * The functional-test matrix the site shows (the axioms page and each method card): the source folder's
 * axioms.json (`xai-bench axioms --out FOLDER/axioms.json`, schemas/axioms.schema.json) when it has one,
 * else the catalogue run here on every built-in attribution explainer (a few seconds: tiny models).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend } from '../../core/backend.js';
import { assertValid } from '../../core/schemas.js';
import { explainers } from '../../explainers/index.js';
import { type AxiomReport, runAxioms } from '../../leaderboard/axioms/run-axioms.js';

const AXIOMS_JSON = 'axioms.json';

export interface AxiomsFile extends AxiomReport {
  readonly format: 'xai-bench/axioms@1';
}

export async function axiomsFor(from: string): Promise<AxiomsFile> {
  const path = join(from, AXIOMS_JSON);
  if (existsSync(path)) {
    const file: unknown = JSON.parse(readFileSync(path, 'utf8'));
    assertValid<AxiomsFile>('axioms', file, path);
    return file;
  }
  await useBackend('wasm');
  return { format: 'xai-bench/axioms@1', ...(await runAxioms(explainers)) };
}
