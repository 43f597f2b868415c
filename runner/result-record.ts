/**
 * The result record (`xai-bench/result@1`, DESIGN.md): one per (task, explainer, metric) cell, with
 * everything needed to reproduce and re-aggregate its numbers. JSON Schema: schemas/result.schema.json.
 */
import type { Criterion, Direction } from '../metrics/types.js';
import type { OutputKind } from '../core/model.js';

export const RESULT_SCHEMA = 'xai-bench/result@1';

export interface ResultRecord {
  readonly schema: typeof RESULT_SCHEMA;
  /** The run's id (its folder name and start time). */
  readonly run: string;
  readonly task: string;
  readonly explainer: string;
  readonly metric: string;
  readonly criterion: Criterion;
  readonly direction: Direction;
  readonly explainerParams: Readonly<Record<string, number | string | boolean>>;
  readonly metricParams: Readonly<Record<string, number | string | boolean>>;
  readonly output: OutputKind;
  readonly seed: number;
  readonly backend: string;
  /** xai-bench version. */
  readonly version: string;
  /** git commit of xai-bench when known, else null. */
  readonly commit: string | null;
  readonly modelHash: string;
  readonly datasetHash: string;
  readonly sampleIds: readonly string[];
  /** One per sample id; null where the value could not be computed (see `nulls`). */
  readonly values: readonly (number | null)[];
  /** Count of null values per reason. */
  readonly nulls: Readonly<Record<string, number>>;
  /** Mean of the non-null values, null when there are none. */
  readonly mean: number | null;
  /** Number of non-null values. */
  readonly n: number;
  /** What this cell cost: the metric's own evaluation (explanations are costed by the cost metrics). */
  readonly cost: { readonly seconds: number; readonly forwardPasses: number; readonly gradientPasses: number };
  readonly timestamp: string;
  /** Why the whole cell could not be computed (e.g. a plugin threw or timed out); values are then empty. */
  readonly failure?: string;
  /** What the metric reports beyond per-sample values (e.g. MPRT's per-layer similarity curve). */
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * Present only on a setting variant of the metric (a profile's `metricVariants`): the parameters
   * overridden relative to the run's own setting (`metricParams` holds the complete variant setting).
   * Variant records are excluded from ranks, criterion scores, tables and comparisons; the
   * leaderboard's `meta.sensitivity` compares their ranking with the default one.
   */
  readonly variant?: Readonly<Record<string, number | string | boolean>>;
}
