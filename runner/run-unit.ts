/**
 * One unit of a run: a (task, explainer) pair and its pending metrics. It explains the task's samples
 * (reusing explanations already on disk), scores every pending metric, and hands explanation lines,
 * pictures and result records to a sink. It runs the same in the main process or in a worker: seeds
 * are per cell, so results do not depend on which process ran which unit (`--jobs`, `--shard`).
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { sampleOf, selectSamples, sizeOf, type Batch } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { isUserError, UserError } from '../core/errors.js';
import { explainSamples, type ExplainSamplesOptions, fitExplainer } from './explain-samples.js';
import { type AnySample, type ExplanationRecord, recordOf, samplesOf } from './explanation-record.js';
import type { ResolvedVariant, VariantOverrides } from './metric-variants.js';
import type { AnyParamValues } from '../core/params.js';
import { reExplainer } from './re-explainer.js';
import { renderHeatmapPng } from '../render/heatmap-png.js';
import { examplesPictures, isGenerativeQuery } from '../explainers/examples/pictures.js';
import { RESULT_SCHEMA, type ResultRecord } from './result-record.js';
import { ARTIFACTS_DIR } from './results-store.js';
import { type ScoredValues, scoreSamples } from './score-samples.js';
import { loadTask } from '../datasets/index.js';
import type { Task } from '../datasets/task.js';
import { attributionText } from '../explainers/attribution/attribution-text.js';
import { getExplainer, isPlugin } from '../explainers/index.js';
import { isAttributionExplainer, type TaskData } from '../explainers/types.js';
import { getMetric } from '../metrics/index.js';

export interface Unit {
  readonly task: string;
  readonly explainer: string;
  /** The metrics still to score (finished cells are never recomputed). */
  readonly metrics: readonly string[];
}

/** Everything a unit needs besides the registries: plain data, so it can travel to a worker. */
export interface UnitContext {
  readonly runId: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
  readonly samplesPerTask: number | 'all';
  /** Metrics scored on a prefix of the task's inputs (the profile's `metricSamples`). */
  readonly metricSamples: Readonly<Record<string, number>>;
  readonly explainChunk: number;
  /** Resolved parameters of the explainer and of each metric, by id. */
  readonly params: Readonly<Record<string, AnyParamValues>>;
  /** Setting variants to score besides each metric's own setting (the profile's `metricVariants`), by metric id. */
  readonly variants?: Readonly<Record<string, readonly ResolvedVariant[]>>;
  /** Explanation lines of this (task, explainer) already on disk (an interrupted run's). */
  readonly existing: readonly ExplanationRecord[];
  /** Where those lines are, for messages. */
  readonly where: string;
}

export interface Artifact {
  /** Relative to the run folder. */
  readonly path: string;
  readonly data: Uint8Array;
}

export interface UnitSink {
  step(label: string): void;
  /** New explanation lines of (task, explainer) and their pictures. */
  explanations(task: string, explainer: string, lines: readonly ExplanationRecord[], artifacts: readonly Artifact[]): void;
  result(record: ResultRecord): void;
}

/** Where the run keeps the heatmap of one explanation (DESIGN.md "Run folder"). */
export function artifactPath(task: string, explainer: string, sampleId: string): string {
  return join(ARTIFACTS_DIR, task, explainer, `${sampleId}.png`);
}

interface TaskSetup {
  readonly task: Task;
  readonly engine: Engine;
  readonly sampleIds: readonly string[];
  readonly batch: Batch;
  readonly targets: Int32Array;
  readonly groundTruth?: Uint8Array;
  readonly groundTruthWeights?: Float32Array;
  readonly data: TaskData;
}

const setups = new Map<string, Promise<TaskSetup>>();

/** Per process: a task's data, model, samples and targets, loaded once for all its units. */
export function taskSetup(taskId: string, samplesPerTask: number | 'all'): Promise<TaskSetup> {
  const key = `${taskId}|${samplesPerTask}`;
  let p = setups.get(key);
  if (!p) {
    p = (async () => {
      const task = await loadTask(taskId);
      const engine = new Engine(task.model);
      const n = samplesPerTask === 'all' ? task.test.x.n : Math.min(samplesPerTask, task.test.x.n);
      const sampleIds = task.sampleIds(n);
      const indices = sampleIds.map((id) => task.sampleIndex(id));
      const batch = selectSamples(task.test.x, indices);
      const targets = predictedTargets(engine, batch);
      const usable = task.groundTruth !== undefined && task.groundTruthCheck?.passed === true;
      const groundTruth = usable ? groundTruthMasks(task, indices) : undefined;
      const weights = usable ? groundTruthWeights(task, targets) : undefined;
      return {
        task,
        engine,
        sampleIds,
        batch,
        targets,
        ...(groundTruth ? { groundTruth } : {}),
        ...(weights ? { groundTruthWeights: weights } : {}),
        data: { train: task.train, test: task.test },
      };
    })();
    setups.set(key, p);
    p.catch(() => setups.delete(key));
  }
  return p;
}

export async function runUnit(unit: Unit, ctx: UnitContext, sink: UnitSink): Promise<void> {
  const explainer = getExplainer(unit.explainer);
  const s = await taskSetup(unit.task, ctx.samplesPerTask);
  const { task, engine, batch, targets, sampleIds, data } = s;
  const eParams = ctx.params[explainer.id];
  let fitted: Promise<unknown> | null = null;
  const state = () => (fitted ??= fitExplainer(explainer, engine, task, ctx.seed, eParams, data));

  // Explanations: reuse what is on disk (same parameters), explain the rest.
  const have = new Map<string, AnySample>();
  for (const line of ctx.existing) {
    if (JSON.stringify(line.params) !== JSON.stringify(eParams)) continue;
    for (const x of samplesOf(line, ctx.where)) have.set(x.sampleId, x);
  }
  const missing = sampleIds.map((id, i) => ({ id, i })).filter(({ id }) => !have.has(id));
  /** Explains some of the task's samples (by position); extra options add text and persistence. */
  const explainRows = async (which: readonly { id: string; i: number }[], extra: Partial<ExplainSamplesOptions> = {}) =>
    explainSamples({
      explainer,
      params: eParams,
      state: await state(),
      engine,
      task,
      seed: ctx.seed,
      batch: selectSamples(batch, which.map((m) => m.i)),
      targets: Int32Array.from(which.map((m) => targets[m.i])),
      sampleIds: which.map((m) => m.id),
      chunk: ctx.explainChunk,
      ...extra,
    });
  if (missing.length > 0 && isPlugin(explainer.id)) {
    // What the plugin check compares: one sample explained twice, not persisted.
    const once = async () => (await explainRows(missing.slice(0, 1))).map((x) => (x.family === 'attribution' ? Array.from(x.attribution) : x.explanation));
    await checkPluginBehaviour(explainer.id, once);
  }
  if (missing.length > 0) {
    sink.step(`${task.id} · ${explainer.id} · explaining ${missing.length} inputs`);
    const made = await explainRows(missing, {
      text: (x, input) => attributionText({ task, input, attribution: x.attribution, target: x.target, output: explainer.output }),
      onChunk: (chunk) => {
        const artifacts: Artifact[] = [];
        if (task.kind === 'image') {
          for (const x of chunk) {
            if (x.family === 'examples' && isGenerativeQuery(x.explanation)) {
              for (const pic of examplesPictures(x.explanation, task.sampleShape)) artifacts.push({ path: artifactPath(task.id, explainer.id, `${x.sampleId}${pic.suffix}`), data: pic.data });
            }
            if (x.family !== 'attribution') continue;
            const input = sampleOf(batch, sampleIds.indexOf(x.sampleId));
            artifacts.push({ path: artifactPath(task.id, explainer.id, x.sampleId), data: renderHeatmapPng({ input, attribution: x.attribution, shape: task.sampleShape }) });
          }
        }
        sink.explanations(task.id, explainer.id, chunk.map((x) => recordOf(explainer.id, eParams, explainer.output, task.sampleShape, [x])), artifacts);
      },
    });
    for (const x of made) have.set(x.sampleId, x);
  }

  const samples = sampleIds.map((id, i) => {
    const x = have.get(id)!;
    if (x.target !== targets[i]) {
      throw new UserError(`${ctx.where}: sample ${id} was explained for class ${x.target}, the model now predicts ${targets[i]} (model changed?); rerun without --resume`);
    }
    return x;
  });

  // Stability and sanity metrics re-run attribution explainers; structured families bring their own.
  const again = isAttributionExplainer(explainer) ? reExplainer(explainer, eParams, state, engine, task, ctx.seed) : undefined;
  for (const metricId of unit.metrics) {
    const metric = getMetric(metricId);
    if (metric.requires.includes('ground-truth') && !s.groundTruth) throw new Error(`${task.id}: planned ${metric.id} but the task's ground truth is not usable`);
    sink.step(`${task.id} · ${explainer.id} · ${metric.id}`);
    const mParams = ctx.params[metric.id];
    const inputs = prefixOf(s, samples, ctx.metricSamples[metric.id]);
    const score = async (params: AnyParamValues) =>
      scoreSamples({
        metric,
        params,
        engine,
        task,
        seed: ctx.seed,
        explainerId: explainer.id,
        output: explainer.output,
        batch: inputs.batch,
        samples: inputs.samples,
        groundTruth: inputs.groundTruth,
        groundTruthWeights: inputs.groundTruthWeights,
        explainer: again,
        data,
        state: explainer.fit ? await state() : undefined,
      });
    const resultOf = (params: AnyParamValues, scored: ScoredValues | { failure: string }, variant?: VariantOverrides): ResultRecord => ({
      schema: RESULT_SCHEMA,
      run: ctx.runId,
      task: task.id,
      explainer: explainer.id,
      metric: metric.id,
      criterion: metric.criterion,
      direction: metric.directionFor?.(params) ?? metric.direction,
      explainerParams: eParams,
      metricParams: params,
      output: explainer.output,
      seed: ctx.seed,
      backend: ctx.backend,
      version: ctx.version,
      commit: ctx.commit,
      modelHash: task.model.hash,
      datasetHash: task.dataset.hash,
      ...('failure' in scored
        ? { sampleIds: [], values: [], nulls: {}, mean: null, n: 0, cost: { seconds: 0, forwardPasses: 0, gradientPasses: 0 } }
        : { sampleIds: inputs.samples.map((x) => x.sampleId), values: scored.values, nulls: scored.nulls, mean: scored.mean, n: scored.n, cost: scored.cost }),
      timestamp: new Date().toISOString(),
      ...('failure' in scored ? { failure: scored.failure } : scored.details ? { details: scored.details } : {}),
      ...(variant ? { variant } : {}),
    });
    // Setting variants first: the run writes them in one append with the default record that follows,
    // so a resumed run has both or neither. A setting the metric refuses on this task (blur on tabular
    // data) is recorded as such instead of stopping the run.
    for (const v of ctx.variants?.[metric.id] ?? []) {
      let scored: ScoredValues | { failure: string };
      try {
        scored = await score(v.params);
      } catch (e) {
        if (!isUserError(e)) throw e;
        scored = { failure: `the metric refused this setting: ${e.message}` };
      }
      sink.result(resultOf(v.params, scored, v.overrides));
    }
    sink.result(resultOf(mParams, await score(mParams)));
  }
}

/** The first `n` inputs of a unit (all of them when n is absent or not smaller). */
function prefixOf(s: TaskSetup, samples: readonly AnySample[], n: number | undefined) {
  const all = { batch: s.batch, samples, groundTruth: s.groundTruth, groundTruthWeights: s.groundTruthWeights };
  if (n === undefined || n >= samples.length) return all;
  const d = sizeOf(s.batch.sampleShape);
  return {
    batch: selectSamples(s.batch, Array.from({ length: n }, (_, i) => i)),
    samples: samples.slice(0, n),
    groundTruth: s.groundTruth?.subarray(0, n * d),
    groundTruthWeights: s.groundTruthWeights?.subarray(0, n * d),
  };
}

/**
 * What a plugin must do when run: leave no tensors behind and, under one seed, give the same
 * explanation twice (its declared determinism across seeds is its own claim; the run-to-run metric
 * measures it). Shape and finiteness are checked on every chunk by explainSamples.
 */
async function checkPluginBehaviour(id: string, explainOnce: () => Promise<unknown>): Promise<void> {
  const before = tf.memory().numTensors;
  const a = JSON.stringify(await explainOnce());
  const leaked = tf.memory().numTensors - before;
  if (leaked > 0) throw new Error(`plugin ${id} leaked ${leaked} tensors in one explanation`);
  const b = JSON.stringify(await explainOnce());
  if (a !== b) throw new Error(`plugin ${id} gave different explanations of the same input under the same seed (unseeded randomness?)`);
}

/** Per-sample ground-truth masks over input elements, for the samples being explained. */
function groundTruthMasks(task: Task, indices: readonly number[]): Uint8Array | undefined {
  const gt = task.groundTruth;
  if (!gt) return undefined;
  const d = sizeOf(task.sampleShape);
  const out = new Uint8Array(indices.length * d);
  indices.forEach((idx, i) => {
    if (gt.kind === 'mask') out.set(gt.masks(idx), i * d);
    else for (const f of gt.relevant) out[i * d + f] = 1;
  });
  return out;
}

/**
 * Signed true weights in model-input space per sample, where the generator's label is a known linear
 * score: coefficient x feature scale (inputs are standardised), negated when explaining class 0.
 */
function groundTruthWeights(task: Task, targets: Int32Array): Float32Array | undefined {
  const gt = task.groundTruth;
  if (!gt || gt.kind !== 'features' || !gt.coefficients || task.classes.length !== 2) return undefined;
  const d = sizeOf(task.sampleShape);
  const out = new Float32Array(targets.length * d);
  targets.forEach((t, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = (t === 1 ? 1 : -1) * gt.coefficients![j] * (task.scale ? task.scale.std[j] : 1);
  });
  return out;
}

/** The benchmark explains what the model predicts. */
function predictedTargets(engine: Engine, batch: Batch): Int32Array {
  const p = engine.outputs(batch, 'probability');
  const c = engine.numClasses;
  const t = new Int32Array(batch.n);
  for (let i = 0; i < batch.n; i++) {
    let best = 0;
    for (let k = 1; k < c; k++) if (p[i * c + k] > p[i * c + best]) best = k;
    t[i] = best;
  }
  return t;
}
