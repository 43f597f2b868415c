/**
 * The run folder (docs/formats.md ("Run folder")): DIR/run.json, DIR/results.jsonl, DIR/explanations/<task>/
 * <explainer>.jsonl, DIR/artifacts/..., DIR/leaderboard.json, DIR/summary.md. One writer process owns
 * a folder (DIR/run.lock, runner/run-lock.ts); JSONL appends are whole lines plus fsync and every other file is replaced atomically
 * (temp file + rename), so a crash leaves at most one torn JSONL line, which resume drops and reports.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { UserError } from '../core/errors.js';
import type { ExplanationRecord } from './explanation-record.js';
import { appendJsonLines, endsCleanly, readJsonLines, stringifyFinite } from '../core/jsonl.js';
import type { ResultRecord } from './result-record.js';
import type { RunInfo } from './run-info.js';
import { refuseUnplanned } from './planned-cells.js';
import { assertValid } from '../core/schemas.js';

export const RUN_JSON = 'run.json';
export const RESULTS_JSONL = 'results.jsonl';
/** The same records gzipped, as published folders and committed baselines keep them (read-only). */
export const RESULTS_JSONL_GZ = 'results.jsonl.gz';
export const EXPLANATIONS_DIR = 'explanations';
export const ARTIFACTS_DIR = 'artifacts';
export const LEADERBOARD_JSON = 'leaderboard.json';
export const SUMMARY_MD = 'summary.md';

/** The resume key of a (task, explainer, metric) cell. */
export function cellKey(task: string, explainer: string, metric: string): string {
  return `${task}|${explainer}|${metric}`;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function safeSegment(kind: string, id: string): string {
  if (!SAFE_SEGMENT.test(id)) throw new UserError(`${kind} id '${id}': must be letters, digits, '.', '_' or '-' to name a file`);
  return id;
}

/** Errors of a path the user chose (a file where a folder belongs, a read-only folder): one line, not a bug. */
const PATH_ERRORS = new Set(['ENOTDIR', 'EISDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS']);

/** Writes a file by temp file + fsync + rename, so readers see the old or the new file, never half. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  try {
    writeAtomic(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = (e as Error).message.split(',')[0].replace(/^[A-Z]+: /, '');
    if (code && PATH_ERRORS.has(code)) throw new UserError(`cannot write ${path} (${code}: ${what})`);
    throw e;
  }
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  // Persist the rename itself; not possible on every platform, and not needed for correctness of readers.
  try {
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* directory fsync unsupported (e.g. Windows) */
  }
}

export interface RunStoreOptions {
  /** Never modify the folder: torn lines are dropped in memory but the file is left as it is. */
  readonly readOnly?: boolean;
  /** Where a dropped torn line is reported (default: one line to stderr). */
  readonly report?: (line: string) => void;
}

export interface ReadResults {
  readonly records: ResultRecord[];
  /** Torn last lines dropped (0 or 1). */
  readonly dropped: number;
}

export interface ReadExplanations {
  readonly lines: ExplanationRecord[];
  readonly dropped: number;
}

export class RunStore {
  readonly dir: string;
  readonly readOnly: boolean;
  private readonly report: (line: string) => void;
  /** Files already checked for a torn tail before this process's first append. */
  private readonly clean = new Set<string>();

  constructor(dir: string, opts: RunStoreOptions = {}) {
    this.dir = resolve(dir);
    this.readOnly = opts.readOnly ?? false;
    this.report = opts.report ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Reads a JSONL file of the folder; a torn last line is dropped (cut off unless read-only) and reported, never silently. */
  private readLines(path: string): ReturnType<typeof readJsonLines> {
    const read = readJsonLines(path, { repair: !this.readOnly });
    if (read.dropped > 0) {
      this.report(`${path}: dropped its last line, cut mid-line (a run stopped while writing it)${this.readOnly || path.endsWith('.gz') ? '' : '; the file now ends at its last whole line'}`);
    }
    return read;
  }

  /** Absolute path of a file inside the folder; rejects paths that would leave it. */
  path(relPath: string): string {
    if (isAbsolute(relPath)) throw new Error(`run folder paths are relative, got ${relPath}`);
    const p = resolve(this.dir, normalize(relPath));
    const rel = relative(this.dir, p);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`)) throw new Error(`path ${relPath} leaves the run folder ${this.dir}`);
    return p;
  }

  get resultsPath(): string {
    return join(this.dir, RESULTS_JSONL);
  }

  get runJsonPath(): string {
    return join(this.dir, RUN_JSON);
  }

  explanationsPath(task: string, explainer: string): string {
    return join(this.dir, EXPLANATIONS_DIR, safeSegment('task', task), `${safeSegment('explainer', explainer)}.jsonl`);
  }

  private writable(): void {
    if (this.readOnly) throw new Error(`run folder ${this.dir} was opened read-only`);
  }

  /** Before this process first appends to a file, cut off a torn tail left by an earlier crash. */
  private prepareAppend(path: string): void {
    if (this.clean.has(path)) return;
    if (!endsCleanly(path)) this.readLines(path);
    this.clean.add(path);
  }

  /**
   * One append; a write that fails part-way (a full disk) may leave a torn line, so the file is checked
   * again before the next append: otherwise the next record would be glued to the torn one and turn a
   * droppable tail into an unreadable line in the middle of the file.
   */
  private append(path: string, values: readonly unknown[]): void {
    this.prepareAppend(path);
    try {
      appendJsonLines(path, values);
    } catch (e) {
      this.clean.delete(path);
      throw e;
    }
  }

  appendResult(rec: ResultRecord): void {
    this.appendResults([rec]);
  }

  /** Several records in one write and one fsync (a cell and its setting variants). */
  appendResults(recs: readonly ResultRecord[]): void {
    this.writable();
    for (const rec of recs) assertValid('result', rec, `result ${cellKey(rec.task, rec.explainer, rec.metric)}${rec.variant ? ` (variant ${JSON.stringify(rec.variant)})` : ''}`);
    this.append(this.resultsPath, recs);
  }

  /** All result records, validated; a torn last line is dropped (and cut off unless read-only). */
  readResults(): ReadResults {
    const gz = join(this.dir, RESULTS_JSONL_GZ);
    const path = this.readOnly && !existsSync(this.resultsPath) && existsSync(gz) ? gz : this.resultsPath;
    const { lines, dropped } = this.readLines(path);
    const records = lines.map(({ value, line }) => {
      assertValid<ResultRecord>('result', value, `${path}:${line}`);
      return value;
    });
    return { records, dropped };
  }

  /** Keys (cellKey) of the cells already in results.jsonl: what `--resume` skips (setting variants are not cells). */
  completedCells(): Set<string> {
    return new Set(this.readResults().records.filter((r) => r.variant === undefined).map((r) => cellKey(r.task, r.explainer, r.metric)));
  }

  appendExplanation(task: string, explainer: string, line: ExplanationRecord): void {
    this.appendExplanations(task, explainer, [line]);
  }

  /** Several lines in one write and one fsync (one per sample id of a chunk). */
  appendExplanations(task: string, explainer: string, lines: readonly ExplanationRecord[]): void {
    this.writable();
    const path = this.explanationsPath(task, explainer);
    lines.forEach((l, i) => assertValid('explanation', l, `explanation ${i} for ${task}/${explainer}`));
    this.append(path, lines);
  }

  readExplanations(task: string, explainer: string): ReadExplanations {
    const path = this.explanationsPath(task, explainer);
    const { lines, dropped } = this.readLines(path);
    return {
      lines: lines.map(({ value, line }) => {
        assertValid<ExplanationRecord>('explanation', value, `${path}:${line}`);
        return value;
      }),
      dropped,
    };
  }

  writeRunJson(run: RunInfo): void {
    this.writable();
    assertValid('run', run, `${RUN_JSON} of ${run.id}`);
    writeFileAtomic(this.runJsonPath, stringifyFinite(run, this.runJsonPath, 2) + '\n');
  }

  /** run.json, validated; null when the folder has none. */
  readRunJson(): RunInfo | null {
    const path = this.runJsonPath;
    if (!existsSync(path)) return null;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new UserError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    assertValid<RunInfo>('run', value, path);
    return value;
  }

  /** leaderboard.json, summary.md, artifacts/...: replaced atomically. */
  writeFileAtomic(relPath: string, data: string | Uint8Array): void {
    this.writable();
    writeFileAtomic(this.path(relPath), data);
  }
}

export interface RunFolder {
  readonly dir: string;
  readonly run: RunInfo;
  readonly records: readonly ResultRecord[];
  readonly dropped: number;
}

/** Reads run folders without touching them (for `aggregate DIR...`); each must hold a run.json. */
export function readRunFolders(dirs: readonly string[]): RunFolder[] {
  return dirs.map((dir) => {
    const store = new RunStore(dir, { readOnly: true });
    const run = store.readRunJson();
    if (!run) throw new UserError(`${dir}: no ${RUN_JSON} (not a run folder)`);
    const { records, dropped } = store.readResults();
    refuseUnplanned(run, records, join(store.dir, RESULTS_JSONL));
    return { dir: store.dir, run, records, dropped };
  });
}
