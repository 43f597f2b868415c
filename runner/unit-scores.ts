/**
 * A unit's scores: every pending metric on the unit's explained samples, each setting variant before
 * the metric's own setting, one result record per cell and variant.
 */
import { isUserError } from '../core/errors.js';
import type { AnyParamValues } from '../core/params.js';
import { isAttributionExplainer } from '../explainers/types.js';
import { getMetric } from '../metrics/index.js';
import type { Metric, ReExplainer } from '../metrics/types.js';
import type { AnySample } from './explanation-record.js';
import type { VariantOverrides } from './metric-variants.js';
import { reExplainer } from './re-explainer.js';
import { type RecordOutcome, resultRecord } from './result-record.js';
import { scoreSamples } from './score-samples.js';
import { prefixOf, type ScoredInputs } from './task-setup.js';
import { unitProvenance, type UnitRun } from './unit-run.js';

/** One metric's cell of the unit being scored. */
interface CellRun {
  readonly u: UnitRun;
  readonly metric: Metric;
  readonly inputs: ScoredInputs<AnySample>;
  /** The explainer re-run by stability and sanity metrics. */
  readonly again: ReExplainer | undefined;
}

export async function scoreUnit(u: UnitRun, samples: readonly AnySample[]): Promise<void> {
  const { explainer, params, setup, state, ctx } = u;
  // Stability and sanity metrics re-run attribution explainers; structured families bring their own.
  const again = isAttributionExplainer(explainer) ? reExplainer(explainer, params, state, setup.engine, setup.task, ctx.seed) : undefined;
  for (const metricId of u.unit.metrics) {
    const metric = getMetric(metricId);
    if (metric.requires.includes('ground-truth') && !setup.groundTruth) {
      throw new Error(`${setup.task.id}: planned ${metric.id} but the task's ground truth is not usable`);
    }
    u.sink.step(`${setup.task.id} · ${explainer.id} · ${metric.id}`);
    await scoreCell({ u, metric, again, inputs: prefixOf(setup, samples, ctx.metricSamples[metric.id]) });
  }
}

/**
 * Setting variants first: the run writes them in one append with the default record that follows,
 * so a resumed run has both or neither. A setting the metric refuses on this task (blur on tabular
 * data) is recorded as such instead of stopping the run.
 */
async function scoreCell(c: CellRun): Promise<void> {
  for (const v of c.u.ctx.variants?.[c.metric.id] ?? []) {
    let scored: RecordOutcome;
    try {
      scored = await score(c, v.params);
    } catch (e) {
      if (!isUserError(e)) throw e;
      scored = { failure: `the metric refused this setting: ${e.message}` };
    }
    c.u.sink.result(recordOf(c, v.params, scored, v.overrides));
  }
  const own = c.u.ctx.params[c.metric.id];
  c.u.sink.result(recordOf(c, own, await score(c, own)));
}

/** The metric's values under one setting, on the cell's inputs. */
async function score(c: CellRun, params: AnyParamValues): Promise<RecordOutcome> {
  const { explainer, setup, state, ctx } = c.u;
  const scored = await scoreSamples({
    metric: c.metric,
    params,
    engine: setup.engine,
    task: setup.task,
    seed: ctx.seed,
    explainerId: explainer.id,
    output: explainer.output,
    batch: c.inputs.batch,
    samples: c.inputs.samples,
    groundTruth: c.inputs.groundTruth,
    groundTruthWeights: c.inputs.groundTruthWeights,
    explainer: c.again,
    data: setup.data,
    state: explainer.fit ? await state() : undefined,
  });
  return { sampleIds: c.inputs.samples.map((x) => x.sampleId), ...scored };
}

function recordOf(c: CellRun, metricParams: AnyParamValues, outcome: RecordOutcome, variant?: VariantOverrides) {
  const { explainer, params, setup } = c.u;
  const cell = {
    task: setup.task.id,
    explainer: explainer.id,
    output: explainer.output,
    explainerParams: params,
    metric: c.metric,
    metricParams,
    modelHash: setup.task.model.hash,
    datasetHash: setup.task.dataset.hash,
  };
  return resultRecord(unitProvenance(c.u.ctx), cell, outcome, variant);
}
