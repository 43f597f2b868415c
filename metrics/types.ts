/**
 * The Metric contract (DESIGN.md "Metric"): `{ id, family, criterion, direction, ideal, chance?,
 * params, evaluate }`, a declaration as data plus one evaluate function, in the spirit of Quantus
 * but without its template-method pipeline or global state.
 */
import type { Batch } from '../harness/batch.js';
import type { Engine } from '../harness/engine.js';
import type { Model, OutputKind } from '../harness/model.js';
import type { ParamSpecs, ParamValues } from '../harness/params.js';
import type { Rng } from '../harness/rng.js';
import type { TaskView } from '../datasets/task.js';
import type { Family } from '../explainers/types.js';

export type Criterion = 'fidelity' | 'completeness' | 'stability' | 'sanity' | 'complexity' | 'localisation' | 'cost' | 'human';
export type Direction = 'higher' | 'lower' | 'descriptive';

/** A value, or the reason it could not be computed (NaN is never written). */
export type MetricValue = number | { readonly null: string };

export interface ExplanationCost {
  readonly seconds: number;
  readonly forwardPasses: number;
  readonly gradientPasses: number;
}

/** What a metric may need beyond the attributions themselves. */
export type MetricRequirement = 'model' | 'ground-truth' | 'cost' | 'explainer';

/**
 * The explainer under test, for metrics that re-explain (stability, sanity checks): same parameters,
 * same fitted state, batched through an engine, with random streams keyed by `salt` so that re-runs
 * are seeded and distinct from the original explanation's.
 */
export interface ReExplainer {
  readonly id: string;
  readonly deterministic: boolean;
  readonly output: OutputKind;
  /**
   * Attributions for a batch (shaped like it). `model` swaps in another model (e.g. a randomised copy);
   * `salt` names the re-run (e.g. 'perturbation-3' or 'seed-2'): '' reproduces the original streams.
   */
  explain(batch: Batch, targets: Int32Array, sampleIds: readonly string[], opts?: { readonly model?: Model; readonly salt?: string }): Promise<Float32Array>;
}

export interface AttributionInput {
  readonly batch: Batch;
  readonly targets: Int32Array;
  readonly sampleIds: readonly string[];
  /** Shaped like `batch`. */
  readonly attributions: Float32Array;
  /** The output the explainer declared it explains. */
  readonly output: OutputKind;
  /** See AttributionResult.reference. */
  readonly reference?: Float32Array;
  /** Per-sample cost of producing each explanation, when it was measured. */
  readonly cost?: readonly ExplanationCost[];
  /** Per-sample ground-truth masks (n * size(sampleShape), 1 = relevant), where the task has them. */
  readonly groundTruth?: Uint8Array;
  /**
   * Per-sample signed true feature weights (n * size(sampleShape)), where the generator knows them
   * (synthetic linear tabular tasks): for sign-aware agreement metrics.
   */
  readonly groundTruthWeights?: Float32Array;
}

/**
 * What evaluate() may return instead of a bare array: the per-sample values plus details that explain
 * them (e.g. MPRT's similarity curve per randomised layer), recorded with the result.
 */
export interface MetricEvaluation {
  readonly values: MetricValue[];
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface MetricContext {
  readonly engine: Engine;
  readonly task: TaskView;
  /** Derived from (seed, task, explainer, metric, sampleId, purpose). */
  rng(sampleId: string, purpose: string): Rng;
  /** Present when the metric declares `requires: ['explainer']` and an explainer (not a file) is scored. */
  readonly explainer?: ReExplainer;
}

export interface AttributionMetric<S extends ParamSpecs = ParamSpecs> {
  readonly id: string;
  readonly family: 'attribution';
  readonly criterion: Criterion;
  readonly direction: Direction;
  /** Where a parameter flips which way is better (e.g. ROAD's MoRF vs LeRF order); default `direction`. */
  directionFor?(params: ParamValues<S>): Direction;
  readonly ideal: number;
  /** The value a random explanation is expected to get, where it is known. */
  readonly chance?: number;
  readonly description: string;
  /** Where the definition comes from (paper, and which peer's defaults were followed). */
  readonly reference: string;
  readonly requires: readonly MetricRequirement[];
  readonly params: S;
  evaluate(
    ctx: MetricContext,
    input: AttributionInput,
    params: ParamValues<S>,
  ): MetricValue[] | MetricEvaluation | Promise<MetricValue[] | MetricEvaluation>;
}

export type Metric = AttributionMetric<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type { Family };
