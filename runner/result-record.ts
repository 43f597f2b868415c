/**
 * The result record (`xai-bench/result@1`, docs/formats.md): one per (task, explainer, metric) cell, with
 * everything needed to reproduce and re-aggregate its numbers. JSON Schema: schemas/result.schema.json.
 */
import type { AnyParamValues } from '../core/params.js';
import type { Criterion, Direction, Metric } from '../metrics/types.js';
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

/** What every record of a run shares: the run, its seed and the code and backend that computed it. */
export interface RecordProvenance {
  readonly run: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
}

/** The cell a record scores, under which settings, on which model and data. */
export interface RecordCell {
  readonly task: string;
  readonly explainer: string;
  readonly output: OutputKind;
  readonly explainerParams: AnyParamValues;
  readonly metric: Pick<Metric, 'id' | 'criterion' | 'direction' | 'directionFor'>;
  readonly metricParams: AnyParamValues;
  readonly modelHash: string;
  readonly datasetHash: string;
}

/** A cell's values (scored on `sampleIds`), or why it has none. */
export type RecordOutcome =
  | {
      readonly sampleIds: readonly string[];
      readonly values: readonly (number | null)[];
      readonly nulls: Readonly<Record<string, number>>;
      readonly mean: number | null;
      readonly n: number;
      readonly cost: ResultRecord['cost'];
      readonly details?: Readonly<Record<string, unknown>>;
    }
  | { readonly failure: string };

const noValues = () => {
  const cost = { seconds: 0, forwardPasses: 0, gradientPasses: 0 };
  return { sampleIds: [], values: [], nulls: {}, mean: null, n: 0, cost };
};

/** The value fields of a scored outcome, in the file's order. */
function valuesOf(o: Exclude<RecordOutcome, { readonly failure: string }>) {
  return { sampleIds: o.sampleIds, values: o.values, nulls: o.nulls, mean: o.mean, n: o.n, cost: o.cost };
}

/** The one constructor of result records (the field order is the file's). */
export function resultRecord(
  p: RecordProvenance,
  cell: RecordCell,
  outcome: RecordOutcome,
  variant?: ResultRecord['variant'],
): ResultRecord {
  const failed = 'failure' in outcome;
  return {
    schema: RESULT_SCHEMA,
    run: p.run,
    task: cell.task,
    explainer: cell.explainer,
    metric: cell.metric.id,
    criterion: cell.metric.criterion,
    direction: cell.metric.directionFor?.(cell.metricParams) ?? cell.metric.direction,
    explainerParams: cell.explainerParams,
    metricParams: cell.metricParams,
    output: cell.output,
    seed: p.seed,
    backend: p.backend,
    version: p.version,
    commit: p.commit,
    modelHash: cell.modelHash,
    datasetHash: cell.datasetHash,
    ...(failed ? noValues() : valuesOf(outcome)),
    timestamp: new Date().toISOString(),
    ...(failed ? { failure: outcome.failure } : outcome.details ? { details: outcome.details } : {}),
    ...(variant ? { variant } : {}),
  };
}
