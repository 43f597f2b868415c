/**
 * Evaluates one metric on explained samples and turns its values into the numbers a result record
 * carries: values (null where not computable), null reasons counted, mean and n of what remains.
 */
import type { Batch } from '../core/batch.js';
import type { Engine } from '../core/engine.js';
import type { AnySample, ExplainedSample, StructuredSample } from './explanation-record.js';
import type { AnyParamValues } from '../core/params.js';
import { metricStream, sharedMetricStream } from '../core/streams.js';
import type { TaskView } from '../datasets/task.js';
import type { TaskData } from '../explainers/types.js';
import { evaluateMetric, type FamilyInput } from '../metrics/evaluate.js';
import type { AttributionInput, Metric, MetricValue, ReExplainer } from '../metrics/types.js';
import { nullsOnScore } from './score-model.js';

export interface ScoredValues {
  readonly values: (number | null)[];
  readonly nulls: Record<string, number>;
  readonly mean: number | null;
  readonly n: number;
  readonly cost: { seconds: number; forwardPasses: number; gradientPasses: number };
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ScoreSamplesOptions {
  readonly metric: Metric;
  readonly params: AnyParamValues;
  readonly engine: Engine;
  readonly task: TaskView;
  readonly seed: number;
  readonly explainerId: string;
  readonly output: AttributionInput['output'];
  readonly batch: Batch;
  readonly samples: readonly AnySample[];
  readonly groundTruth?: Uint8Array;
  readonly groundTruthWeights?: Float32Array;
  /** The explainer under test, when one (not a file of explanations) is being scored. */
  readonly explainer?: ReExplainer;
  /** The explainer's fitted state (structured families' metrics may use it, e.g. a rule set). */
  readonly state?: unknown;
  /** The task's labelled splits, on benchmark tasks. */
  readonly data?: TaskData;
}

/** The metric input for the samples' family. */
function familyInput(o: ScoreSamplesOptions): FamilyInput {
  const attributed = o.samples.filter((s): s is ExplainedSample => s.family === 'attribution');
  if (attributed.length === o.samples.length) return attributionInput({ ...o, samples: attributed });
  const structured = o.samples.filter((s): s is StructuredSample => s.family !== 'attribution');
  if (structured.length !== o.samples.length || structured.some((s) => s.family !== structured[0].family)) {
    throw new Error('a metric scores samples of one family at a time');
  }
  const hasCost = structured.every((s) => s.cost !== undefined);
  return {
    family: structured[0].family,
    batch: o.batch,
    targets: Int32Array.from(structured.map((s) => s.target)),
    sampleIds: structured.map((s) => s.sampleId),
    output: o.output,
    explanations: structured.map((s) => s.explanation),
    ...(structured[0].global !== undefined ? { global: structured[0].global } : {}),
    ...(o.state !== undefined ? { state: o.state } : {}),
    ...(hasCost ? { cost: structured.map((s) => s.cost!) } : {}),
  };
}

function attributionInput(o: Omit<ScoreSamplesOptions, 'samples'> & { readonly samples: readonly ExplainedSample[] }): AttributionInput {
  const d = o.batch.data.length / Math.max(1, o.batch.n);
  const attributions = new Float32Array(o.samples.length * d);
  o.samples.forEach((s, i) => attributions.set(s.attribution, i * d));
  const hasRef = o.samples.every((s) => s.reference !== undefined);
  const hasCost = o.samples.every((s) => s.cost !== undefined);
  return {
    batch: o.batch,
    targets: Int32Array.from(o.samples.map((s) => s.target)),
    sampleIds: o.samples.map((s) => s.sampleId),
    attributions,
    output: o.output,
    ...(hasRef ? { reference: Float32Array.from(o.samples.map((s) => s.reference as number)) } : {}),
    ...(hasCost ? { cost: o.samples.map((s) => s.cost!) } : {}),
    ...(o.groundTruth ? { groundTruth: o.groundTruth } : {}),
    ...(o.groundTruthWeights ? { groundTruthWeights: o.groundTruthWeights } : {}),
  };
}

function summariseValues(raw: readonly MetricValue[]): Omit<ScoredValues, 'cost'> {
  const nulls: Record<string, number> = {};
  const values = raw.map((v) => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      // A metric must report why it cannot compute a value; NaN is never written, but it is counted.
      nulls['non-finite value'] = (nulls['non-finite value'] ?? 0) + 1;
      return null;
    }
    nulls[v.null] = (nulls[v.null] ?? 0) + 1;
    return null;
  });
  const ok = values.filter((v): v is number => v !== null);
  return { values, nulls, mean: ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : null, n: ok.length };
}

export async function scoreSamples(o: ScoreSamplesOptions): Promise<ScoredValues> {
  const refused = nullsOnScore(o.metric, o.engine, o.samples.length);
  if (refused) return { ...summariseValues(refused), cost: { seconds: 0, forwardPasses: 0, gradientPasses: 0 } };
  const input = familyInput(o);
  const ctx = {
    engine: o.engine,
    task: o.task,
    rng: (sampleId: string, purpose: string) => metricStream(o.seed, o.task.id, o.explainerId, o.metric.id, sampleId, purpose),
    sharedRng: (sampleId: string, purpose: string) => sharedMetricStream(o.seed, o.task.id, o.explainerId, sampleId, purpose),
    ...(o.explainer ? { explainer: o.explainer } : {}),
    ...(o.data ? { data: o.data } : {}),
  };
  const before = o.engine.passes();
  const t0 = performance.now();
  const evaluated = await evaluateMetric(o.metric, ctx, input, o.params);
  const raw = Array.isArray(evaluated) ? evaluated : evaluated.values;
  const details = Array.isArray(evaluated) ? undefined : evaluated.details;
  const seconds = (performance.now() - t0) / 1000;
  const after = o.engine.passes();
  if (raw.length !== o.samples.length) throw new Error(`metric ${o.metric.id} returned ${raw.length} values for ${o.samples.length} samples`);
  return {
    ...summariseValues(raw),
    ...(details ? { details } : {}),
    cost: {
      seconds,
      forwardPasses: after.forwardPasses - before.forwardPasses,
      gradientPasses: after.gradientPasses - before.gradientPasses,
    },
  };
}
