/**
 * The working context of one unit while it runs: the unit and its plain-data context, the sink, the
 * explainer with its resolved parameters, the task as loaded for the run, and the explainer's fitted
 * state (fitted once, lazily, only when an explanation or a metric needs it).
 */
import type { AnyParamValues } from '../core/params.js';
import { getExplainer } from '../explainers/index.js';
import type { Explainer } from '../explainers/types.js';
import { fitExplainer } from './explain-samples.js';
import type { RecordProvenance } from './result-record.js';
import { type TaskSetup, taskSetup } from './task-setup.js';
import type { Unit, UnitContext, UnitSink } from './unit.js';

export interface UnitRun {
  readonly unit: Unit;
  readonly ctx: UnitContext;
  readonly sink: UnitSink;
  readonly explainer: Explainer;
  /** The explainer's resolved parameters. */
  readonly params: AnyParamValues;
  readonly setup: TaskSetup;
  /** The explainer's fitted state on the task's model. */
  readonly state: () => Promise<unknown>;
}

export async function openUnit(unit: Unit, ctx: UnitContext, sink: UnitSink): Promise<UnitRun> {
  const explainer = getExplainer(unit.explainer);
  const setup = await taskSetup(unit.task, ctx.samplesPerTask, ctx.protectedGroupMinimum);
  const params = ctx.params[explainer.id];
  let fitted: Promise<unknown> | null = null;
  const state = () => (fitted ??= fitExplainer(explainer, setup.engine, setup.task, ctx.seed, params, setup.data));
  return { unit, ctx, sink, explainer, params, setup, state };
}

/** What every record of the unit shares. */
export function unitProvenance(ctx: UnitContext): RecordProvenance {
  return { run: ctx.runId, seed: ctx.seed, backend: ctx.backend, version: ctx.version, commit: ctx.commit };
}
