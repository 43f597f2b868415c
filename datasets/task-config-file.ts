/**
 * The file of `xai-bench run --config FILE` (`xai-bench/task-config@1`, schemas/task-config.schema.json):
 * a user's own tasks, each a trained tfjs model plus a labelled CSV (tabular) or labelled images (a
 * folder of PNGs or an .npy array), paths relative to the file.
 * Reading it checks everything that needs no model or data: JSON, the schema, duplicate ids.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { assertValid } from '../core/schemas.js';

/** A tabular task: a labelled CSV of numeric features. */
export interface TabularTaskConfigEntry {
  readonly id: string;
  readonly kind?: 'tabular';
  readonly description?: string;
  readonly model: string;
  readonly data: string;
  readonly label: string;
  readonly features?: readonly string[];
  readonly classes?: readonly string[];
  readonly testFraction?: number;
  readonly standardise?: boolean;
  readonly units?: Readonly<Record<string, string>>;
  readonly groundTruth?: { readonly relevant: readonly (string | number)[] };
  /** Typed features (datasets/config-typed-features.ts). */
  readonly categorical?: Readonly<Record<string, { readonly columns: readonly string[]; readonly levels: readonly string[] }>>;
  readonly protected?: string;
  readonly immutable?: readonly string[];
}

/** An image task: a folder of PNGs or an .npy array, with a labels CSV. */
export interface ImageTaskConfigEntry {
  readonly id: string;
  readonly kind: 'image';
  readonly description?: string;
  readonly model: string;
  /** A folder of .png files, or an .npy array (images, height, width[, channels]). */
  readonly images: string;
  /** A CSV with a header: the label column, and for a folder a `file` column naming each PNG. */
  readonly labels: string;
  /** The label column's header (default `label`). */
  readonly label?: string;
  /** [height, width, channels]. */
  readonly imageShape: readonly number[];
  /** [low, high]: the values the model takes; 8-bit pixels 0..255 map linearly onto it. */
  readonly valueRange: readonly number[];
  readonly classes?: readonly string[];
  readonly testFraction?: number;
}

export type TaskConfigEntry = TabularTaskConfigEntry | ImageTaskConfigEntry;

export interface TaskConfigFile {
  readonly schema?: 'xai-bench/task-config@1';
  readonly tasks: readonly TaskConfigEntry[];
}

export interface ReadTaskConfig {
  /** Absolute path of the file. */
  readonly path: string;
  /** sha256 of its bytes. */
  readonly sha256: string;
  readonly file: TaskConfigFile;
}

export function readTaskConfigFile(path: string): ReadTaskConfig {
  const abs = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`--config ${path}: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(e)})`}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  assertValid<TaskConfigFile>('task-config', json, path);
  const seen = new Map<string, number>();
  json.tasks.forEach((t, i) => {
    const first = seen.get(t.id);
    if (first !== undefined) throw new UserError(`${path}: tasks[${i}].id: '${t.id}' is also the id of tasks[${first}]; task ids must be unique`);
    seen.set(t.id, i);
  });
  return { path: abs, sha256: createHash('sha256').update(bytes).digest('hex'), file: json };
}
