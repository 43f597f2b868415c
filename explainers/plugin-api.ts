/**
 * The first explainer contract, kept for plugins: `explain(ctx, batch, targets, sampleIds, params,
 * state)` with six positional arguments and no `api` field. Such a plugin is wrapped once, when it is
 * registered, in an explainer of the current contract (types.ts, api 2) that calls its explain with
 * the input object spread into those arguments, so the rest of the benchmark sees one contract only.
 */
import type { Batch } from '../core/batch.js';
import type { ParamSpecs, ParamValues } from '../core/params.js';
import {
  type AttributionExplainer,
  type AttributionResult,
  EXPLAINER_API,
  type ExplainContext,
  type Explainer,
  type ExplainerBase,
  type FitContext,
  type StructuredExplainer,
  type StructuredResult,
} from './types.js';

/** The first contract's explain: six positional arguments. */
type PositionalExplain<S extends ParamSpecs, State, R> = (
  ctx: ExplainContext,
  batch: Batch,
  targets: Int32Array,
  sampleIds: readonly string[],
  params: ParamValues<S>,
  state: State,
) => R | Promise<R>;

/** The declarations of the first contract: everything but `api` (absent or 1) is as in api 2. */
type LegacyBase<S extends ParamSpecs, State> = Omit<ExplainerBase<S, State>, 'api'> & { readonly api?: 1 };

/** An attribution explainer written against the first, positional contract. */
export interface LegacyAttributionExplainer<S extends ParamSpecs = ParamSpecs, State = void> extends LegacyBase<S, State> {
  readonly family: 'attribution';
  explain: PositionalExplain<S, State, AttributionResult>;
}

/** A rules, examples or concept-path explainer written against the first, positional contract. */
export interface LegacyStructuredExplainer<S extends ParamSpecs = ParamSpecs, State = void> extends LegacyBase<S, State> {
  readonly family: StructuredExplainer['family'];
  explain: PositionalExplain<S, State, StructuredResult>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a plugin may have any parameter and state type */
export type LegacyExplainer = LegacyAttributionExplainer<any, any> | LegacyStructuredExplainer<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What a plugin module may default-export: an explainer of either contract. */
export type PluginExplainer = Explainer | LegacyExplainer;

export function isLegacyExplainer(e: PluginExplainer): e is LegacyExplainer {
  return e.api === undefined || e.api === 1;
}

/**
 * The explainer in the current contract: api-2 explainers as they are, first-contract ones wrapped.
 * The wrapper calls the plugin's own methods on the plugin object, so a plugin that reads `this` still
 * finds its own fields.
 */
export function toCurrentApi(e: PluginExplainer): Explainer {
  if (!isLegacyExplainer(e)) return e;
  // Both families share the call shape; the attribution type stands for either here.
  const legacy = e as LegacyAttributionExplainer<ParamSpecs, unknown>;
  const adapted: AttributionExplainer<ParamSpecs, unknown> = {
    ...legacy,
    api: EXPLAINER_API,
    explain: (i) => legacy.explain.call(legacy, i.ctx, i.batch, i.targets, i.sampleIds, i.params, i.state),
  };
  const fit = legacy.fit;
  if (fit) adapted.fit = (ctx: FitContext, params: ParamValues<ParamSpecs>) => fit.call(legacy, ctx, params);
  return adapted as Explainer;
}
