/**
 * The Metric contract (docs/formats.md): `{ id, family, criterion, direction, ideal, chance?,
 * params, evaluate }`, a declaration as data plus one evaluate function, in the spirit of Quantus
 * but without its template-method pipeline or global state.
 */
import type { Batch } from '../core/batch.js';
import type { Engine } from '../core/engine.js';
import type { Model, OutputKind } from '../core/model.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import type { Rng } from '../core/rng.js';
import type { TaskView } from '../datasets/task.js';
import type { Family, ReferenceDifference, StructuredFamily, TaskData } from '../explainers/types.js';

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
/** 'protected-attribute': planned only on tasks with one (TaskSpec.hasProtectedAttribute). */
export type MetricRequirement = 'model' | 'ground-truth' | 'cost' | 'explainer' | 'protected-attribute';

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
  explain(
    batch: Batch,
    targets: Int32Array,
    sampleIds: readonly string[],
    opts?: { readonly model?: Model; readonly salt?: string },
  ): Promise<Float32Array>;
}

/** What every metric gets, whatever the family of the explanations it scores. */
export interface CommonInput {
  readonly batch: Batch;
  readonly targets: Int32Array;
  readonly sampleIds: readonly string[];
  /** The output the explainer declared it explains. */
  readonly output: OutputKind;
  /** Per-sample cost of producing each explanation, when it was measured. */
  readonly cost?: readonly ExplanationCost[];
}

/** The structured families' explanations: one JSON payload per sample and the global part. */
export interface StructuredInput extends CommonInput {
  readonly family: StructuredFamily;
  readonly explanations: readonly unknown[];
  readonly global?: unknown;
  /** The explainer's fitted state (e.g. the rule set as a predictor), when an explainer is being run. */
  readonly state?: unknown;
}

export interface AttributionInput extends CommonInput {
  /** Shaped like `batch`. */
  readonly attributions: Float32Array;
  /** See AttributionResult.reference. */
  readonly reference?: Float32Array;
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
  /**
   * Derived from (seed, task, explainer, sampleId, purpose) without the metric: for draws that several
   * metrics share on purpose (max- and avg-sensitivity read the same perturbed copies, so the ReExplainer
   * explains them once). Absent in contexts that score one metric alone; fall back to `rng` then.
   */
  sharedRng?(sampleId: string, purpose: string): Rng;
  /** Present when the metric declares `requires: ['explainer']` and an explainer (not a file) is scored. */
  readonly explainer?: ReExplainer;
  /** The task's labelled splits, on benchmark tasks (e.g. rule fidelity over the whole test split). */
  readonly data?: TaskData;
}

/** What every metric declares, as data (Quantus's metric-as-data, without its class hierarchy). */
export interface MetricBase<S extends ParamSpecs = ParamSpecs> {
  readonly id: string;
  /** The family of explanations it scores; 'any' for family-independent metrics such as cost. */
  readonly family: Family | 'any';
  /**
   * Only these explainers of the family, when the metric reads what only their payloads carry (a
   * counterfactual's flipped prediction, a generator's latent samples).
   */
  readonly explainers?: readonly string[];
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
  /** By-design differences from the peers' reference implementations (catalog.json and the site list them). */
  readonly differences?: readonly ReferenceDifference[];
  readonly requires: readonly MetricRequirement[];
  /**
   * Why it cannot score explanations of a score model (core/model.ts, OutputMode 'score': outputs read
   * as is, no classes); absent when it scores them on the score itself. `list` prints it, and on a
   * score model every value is a null with this reason (runner/score-samples.ts).
   */
  readonly needsClasses?: string;
  readonly params: S;
  /**
   * The change `xai-bench ci` tolerates before calling it a regression (default 0.01; Infinity: not
   * compared by default, e.g. wall time, which depends on the machine).
   */
  readonly tolerance?: number;
}

type Evaluated = MetricValue[] | MetricEvaluation | Promise<MetricValue[] | MetricEvaluation>;

export interface AttributionMetric<S extends ParamSpecs = ParamSpecs> extends MetricBase<S> {
  readonly family: 'attribution';
  evaluate(ctx: MetricContext, input: AttributionInput, params: ParamValues<S>): Evaluated;
}

export interface StructuredMetric<S extends ParamSpecs = ParamSpecs> extends MetricBase<S> {
  readonly family: StructuredFamily;
  evaluate(ctx: MetricContext, input: StructuredInput, params: ParamValues<S>): Evaluated;
}

/** Scores explanations of any family from what all of them share (cost, say). */
export interface CommonMetric<S extends ParamSpecs = ParamSpecs> extends MetricBase<S> {
  readonly family: 'any';
  evaluate(ctx: MetricContext, input: CommonInput, params: ParamValues<S>): Evaluated;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a registry holds metrics of every parameter type */
export type Metric = AttributionMetric<any> | StructuredMetric<any> | CommonMetric<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Whether a metric scores an explainer: its family, and its id where the metric names explainers. */
export function metricScores(metric: Metric, explainer: { readonly id: string; readonly family: Family }): boolean {
  if (metric.explainers && !metric.explainers.includes(explainer.id)) return false;
  return metric.family === 'any' || metric.family === explainer.family;
}
export type { Family };
