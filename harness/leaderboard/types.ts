/**
 * The leaderboard (`xai-bench/leaderboard@1`, DESIGN.md "Leaderboard"): everything here is recomputed
 * from per-sample values by aggregate(); nothing is copied from a record's own mean or n.
 * JSON Schema: schemas/leaderboard.schema.json.
 */
import type { Criterion, Direction } from '../../metrics/types.js';
import type { OutputKind } from '../model.js';
import type { RunStatus } from '../run-info.js';

export const LEADERBOARD_SCHEMA = 'xai-bench/leaderboard@1';

export type ParamRecord = Readonly<Record<string, number | string | boolean>>;

export interface RunProvenance {
  readonly id: string;
  readonly profile: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
  readonly status: RunStatus;
}

export interface Provenance {
  readonly runs: readonly RunProvenance[];
  /** Bootstrap resamples per (task, metric). */
  readonly resamples: number;
  /** Seed of the bootstrap streams (rngFor(seed, 'bootstrap', task, metric)). */
  readonly bootstrapSeed: number;
  /** Confidence level of every interval. */
  readonly confidence: number;
  readonly method: 'paired-bootstrap-percentile';
}

export interface MetricEntry {
  readonly explainer: string;
  /** Mean of the non-null per-sample values; null when there are none. */
  readonly mean: number | null;
  /** 95% percentile bootstrap interval of the mean; null when n < 2. */
  readonly ci: readonly [number, number] | null;
  /** Non-null values. */
  readonly n: number;
  /** Null values (could not be computed), and their reasons as the records counted them. */
  readonly nulls: number;
  readonly nullReasons: Readonly<Record<string, number>>;
  /** Competition rank (1 = best) in the metric's direction; null for descriptive metrics or no values. */
  readonly rank: number | null;
  /** Explainers whose paired-difference interval contains 0 (or with < 2 shared samples). */
  readonly tiedWith: readonly string[];
  readonly output: OutputKind;
  readonly explainerParams: ParamRecord;
  /** Runs whose records contributed. */
  readonly runs: readonly string[];
}

export interface MetricBoard {
  readonly metric: string;
  readonly criterion: Criterion;
  readonly direction: Direction;
  readonly params: ParamRecord;
  /** Distinct sample ids evaluated by any explainer. */
  readonly sampleCount: number;
  /** Explainers that received a rank (k in the criterion score). */
  readonly ranked: number;
  readonly entries: readonly MetricEntry[];
}

export interface CriterionScore {
  readonly explainer: string;
  /** Mean of (k - rank) / (k - 1) over `metrics`; null when the explainer has none of them. */
  readonly score: number | null;
  readonly metrics: readonly string[];
}

export interface CriterionBoard {
  readonly criterion: Criterion;
  /** The ranked metrics (k >= 2) of this criterion on this task. */
  readonly metrics: readonly string[];
  readonly scores: readonly CriterionScore[];
}

export interface TaskBoard {
  readonly task: string;
  readonly modelHash: string;
  readonly datasetHash: string;
  readonly explainers: readonly string[];
  readonly metrics: readonly MetricBoard[];
  readonly criteria: readonly CriterionBoard[];
}

export interface Leaderboard {
  readonly schema: typeof LEADERBOARD_SCHEMA;
  readonly generatedAt: string;
  /** The profile every run used; null when runs of several profiles were merged (see `profiles`). */
  readonly profile: string | null;
  readonly profiles: readonly string[];
  readonly provenance: Provenance;
  readonly tasks: readonly TaskBoard[];
  /** Survey results (issue 6); null until then. */
  readonly human: null;
}
