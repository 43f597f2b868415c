/**
 * The run description (`xai-bench/run@1`, docs/formats.md ("Run folder")): DIR/run.json, rewritten atomically
 * as the run progresses. JSON Schema: schemas/run.schema.json.
 */
export const RUN_SCHEMA = 'xai-bench/run@1';

export type RunStatus = 'running' | 'complete' | 'failed' | 'interrupted';

export interface RunConfig {
  readonly tasks: readonly string[];
  readonly explainers: readonly string[];
  readonly metrics: readonly string[];
  /** `--set` overrides as given, keyed `<id>.<param>`. */
  readonly sets: Readonly<Record<string, number | string | boolean>>;
  readonly samplesPerTask: number | 'all';
  /** Anything else the run loop records (jobs, shard, config file...). */
  readonly [key: string]: unknown;
}

export interface RunInfo {
  readonly schema: typeof RUN_SCHEMA;
  /** The run's id: also the `run` field of each of its result records. */
  readonly id: string;
  readonly profile: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Why a failed run failed (one line); dropped when the run is resumed. */
  readonly error?: string;
  /** Each `--resume` of this run: when, and the code that continued it (cells keep their own commit). */
  readonly resumes?: readonly { readonly at: string; readonly commit: string | null; readonly backend: string }[];
  readonly config: RunConfig;
  readonly timings: { readonly seconds: number; readonly cells: number; readonly cellsDone: number };
  readonly versions: { readonly node: string; readonly tfjs: string; readonly [key: string]: string };
}
