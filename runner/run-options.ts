/** What `runBenchmark` is asked (the `run` command's flags) and what it gives back. */
import type { BackendChoice } from '../core/backend.js';
import type { Leaderboard } from '../leaderboard/types.js';
import type { ProfileId } from './profiles.js';
import type { Progress } from './progress.js';
import type { ResultRecord } from './result-record.js';
import type { ExistingRun } from './run-open.js';
import type { RunInfo } from './run-info.js';

export interface RunOptions {
  readonly profile?: ProfileId | string;
  readonly tasks?: readonly string[];
  /** `--config FILE`: the user's own tasks, run besides the profile's (`--tasks` selects among all). */
  readonly config?: string;
  readonly explainers?: readonly string[];
  readonly metrics?: readonly string[];
  /** `--set id.param=value` overrides. */
  readonly sets?: readonly string[];
  readonly out?: string;
  readonly backend?: BackendChoice;
  readonly seed?: number;
  /** Resume the run in `out` (its configuration must match); without it a matching run is resumed anyway (`existing`). */
  readonly resume?: boolean;
  /** Replace a run already in `out`, whatever its configuration. */
  readonly overwrite?: boolean;
  /** Neither flag: what becomes of a run already in `out` (default `auto`: resume the same configuration, refuse another). */
  readonly existing?: ExistingRun;
  /** Take the folder's lock even from a run that looks alive. */
  readonly breakLock?: boolean;
  /** Override of the profile's inputs per task. */
  readonly samples?: number;
  readonly progress?: Progress | 'console' | 'silent';
  /** Worker processes (default 1 in the library; the CLI defaults to the number of cores). */
  readonly jobs?: number;
  /** `i/n`: run only the i-th of n deterministic parts of the cells (merge with `xai-bench aggregate`). */
  readonly shard?: string;
  /** Explainer plugins already loaded in this process (`resolveExplainerRefs`), with their module paths for workers. */
  readonly plugins?: readonly { readonly id: string; readonly path: string }[];
  /** Plugins replace built-ins of the same id (`xai-bench ci`). */
  readonly replacePlugins?: boolean;
  /** Seconds a plugin's unit (all its cells on one task) may take; default 600. */
  readonly cellTimeout?: number;
}

export const DEFAULT_CELL_TIMEOUT = 600;

export interface RunOutcome {
  readonly dir: string;
  readonly run: RunInfo;
  readonly leaderboard: Leaderboard;
  readonly records: readonly ResultRecord[];
  readonly table: string;
}
