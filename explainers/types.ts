/**
 * The Explainer contract (docs/formats.md, "Explainer"): `{ api: 2, id, family, needs, output,
 * deterministic, params, fit?, explain }`, uniform across methods as Captum's attribute() is. `explain`
 * takes one input object (ExplainInput), so a field added later does not break explainers written
 * before it; explainers written against the first, positional signature are still accepted as plugins
 * (plugin-api.ts adapts them).
 */
import type { Batch } from '../core/batch.js';
import type { Engine } from '../core/engine.js';
import type { OutputKind } from '../core/model.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import type { Rng } from '../core/rng.js';
import type { TaskView } from '../datasets/task.js';
import type { Bilingual, Family, Need } from '../core/vocabulary.js';

export type { Bilingual, Family, Need } from '../core/vocabulary.js';

export interface ExplainContext {
  readonly engine: Engine;
  readonly task: TaskView;
  /** The random stream for one sample and purpose; derived from (seed, task, explainer, 'explain', sampleId, purpose). */
  rng(sampleId: string, purpose: string): Rng;
}

/**
 * One claim the literature makes about a method, tied to the metric(s) that measure it, so the site can
 * put the measured evidence next to the claim. `expect` is which raw value of the evidence metric the
 * claim predicts (e.g. "not deterministic" predicts a low run-to-run agreement).
 */
export interface MethodClaim {
  readonly kind: 'strength' | 'weakness';
  readonly text: Bilingual;
  /** Metric ids; empty when the benchmark does not measure the claim. */
  readonly evidence: readonly string[];
  readonly expect: 'high' | 'low';
}

/**
 * One by-design difference from a peer's reference implementation (Zennit, Captum, shap, lime,
 * OpenXAI, Quantus), stated as data so the site can list them all. `size` is what the difference was
 * measured to change, with where it was measured; null when it was not measured.
 */
export interface ReferenceDifference {
  /** The peer and the piece of it compared against, e.g. 'Zennit 0.5 ZPlus'. */
  readonly reference: string;
  readonly what: Bilingual;
  readonly size: Bilingual | null;
  /**
   * 'differs' (the default): a difference kept by design. 'matched': a difference that was measured
   * and then removed, kept so that readers of earlier numbers learn what moved.
   */
  readonly status?: 'differs' | 'matched';
}

/** The method card's data (the site renders it; nothing is hand-written per method there). */
export interface MethodCard {
  readonly summary: Bilingual;
  /** What it needs from the model and the data, in plain words (the `needs` ids say it for machines). */
  readonly requirements: Bilingual;
  readonly claims: readonly MethodClaim[];
  /** Papers and reference implementations, one citation per string. */
  readonly references: readonly string[];
}

/** What an attribution explainer returns for a batch of n inputs. */
export interface AttributionResult {
  /** n * size(sampleShape) values, shaped like the batch. */
  readonly attributions: Float32Array;
  /**
   * The model output (of the explainer's declared `output`) at the explainer's reference point per
   * sample: f(baseline), or E[f(background)] for Shapley methods. Completeness is measured against it.
   */
  readonly reference?: Float32Array;
  /** Relevance at a hidden layer, where asked for. */
  readonly layer?: { readonly name: string; readonly shape: readonly number[]; readonly relevance: Float32Array };
  /** Per-sample extra facts (surrogate fit, segments, conservation...). */
  readonly extras?: readonly Record<string, unknown>[];
}

/** The version of the explainer contract this code defines; older explainers omit `api` (plugin-api.ts). */
export const EXPLAINER_API = 2;

/** What `explain` is given: one batch of inputs, their targets and ids, the parameters and the fitted state. */
export interface ExplainInput<P = ParamValues<ParamSpecs>, State = void> {
  readonly ctx: ExplainContext;
  readonly batch: Batch;
  /** The class explained for each input. */
  readonly targets: Int32Array;
  /** Stable per-sample ids: random streams are derived from them (ctx.rng). */
  readonly sampleIds: readonly string[];
  readonly params: P;
  /** What fit() returned for this task (undefined when the explainer has no fit). */
  readonly state: State;
}

/** What every explainer declares, whatever its family (docs/formats.md, "Explainer"). */
export interface ExplainerBase<S extends ParamSpecs = ParamSpecs, State = void> {
  /** The contract version: 2, explain takes one ExplainInput. */
  readonly api: typeof EXPLAINER_API;
  readonly id: string;
  readonly family: Family;
  readonly description: string;
  readonly needs: readonly Need[];
  /** The model output it explains: recorded in every result and used by completeness metrics. */
  readonly output: OutputKind;
  /** True when the same input always gives the same explanation, whatever the seed. */
  readonly deterministic: boolean;
  readonly params: S;
  /** The method card shown on the site (optional for plugins). */
  readonly card?: MethodCard;
  /** By-design differences from the peers' reference implementations (catalog.json and the site list them). */
  readonly differences?: readonly ReferenceDifference[];
  /**
   * Why it cannot explain a score model (core/model.ts, OutputMode 'score': outputs read as is, no
   * classes), e.g. 'searches for an input of another class'; absent when it runs on the score itself.
   * `list` prints it, and explaining a score model refuses with it (runner/score-model.ts).
   */
  readonly needsClasses?: string;
  /** Which task kinds it can explain (all when absent). */
  readonly kinds?: readonly TaskView['kind'][];
  /** Global state built once per task (rule sets, background statistics, a trained zero-shot system). */
  fit?(ctx: FitContext, params: ParamValues<S>): State | Promise<State>;
}

export type FitContext = Omit<ExplainContext, 'rng'> & {
  rng(purpose: string): Rng;
  /** The task's data splits, for explainers that learn from data (rule extraction, zero-shot). */
  readonly data?: TaskData;
};

/** The labelled data behind a benchmark task (absent for a user's own model). */
export interface TaskData {
  readonly train: { readonly x: Batch; readonly y: Int32Array };
  readonly test: { readonly x: Batch; readonly y: Int32Array };
}

export interface AttributionExplainer<S extends ParamSpecs = ParamSpecs, State = void> extends ExplainerBase<S, State> {
  readonly family: 'attribution';
  explain(input: ExplainInput<ParamValues<S>, State>): AttributionResult | Promise<AttributionResult>;
}

export type StructuredFamily = Exclude<Family, 'attribution'>;

/**
 * What explainers of the structured families return for a batch: one JSON payload per sample (the
 * rule that fired, the example set, the concept path), the family's global part (a rule set, a
 * graph), and the text people read. Each family types its payloads in its own module.
 */
export interface StructuredResult<Sample = Record<string, unknown>, Global = Record<string, unknown>> {
  readonly explanations: readonly Sample[];
  readonly global?: Global;
  readonly text: readonly Bilingual[];
}

export interface StructuredExplainer<
  S extends ParamSpecs = ParamSpecs,
  State = void,
  Sample = Record<string, unknown>,
  Global = Record<string, unknown>,
> extends ExplainerBase<S, State> {
  readonly family: StructuredFamily;
  explain(input: ExplainInput<ParamValues<S>, State>): StructuredResult<Sample, Global> | Promise<StructuredResult<Sample, Global>>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a registry holds explainers of every parameter and state type */
export type Explainer = AttributionExplainer<any, any> | StructuredExplainer<any, any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry's attribution explainers, of any parameters and state
export function isAttributionExplainer(e: Explainer): e is AttributionExplainer<any, any> {
  return e.family === 'attribution';
}
