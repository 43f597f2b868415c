/**
 * The run loop: every task x applicable explainer x applicable metric of a profile. Explanations are
 * persisted one line per sample and results one record per cell as they finish, so a run killed at any
 * moment and resumed loses no finished cell and recomputes none (DESIGN.md "Run folder").
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend, type BackendChoice } from './backend.js';
import { sampleOf, selectSamples, sizeOf, type Batch } from './batch.js';
import { Engine } from './engine.js';
import { UserError } from './errors.js';
import { explainSamples, fitExplainer } from './explain-samples.js';
import { type AnySample, recordOf, samplesOf } from './explanation-record.js';
import { aggregate } from './leaderboard/aggregate.js';
import type { Leaderboard } from './leaderboard/types.js';
import { type AnyParamValues, resolveParams, splitSets } from './params.js';
import { getProfile, type Profile, type ProfileId } from './profiles.js';
import { consoleProgress, formatDuration, type Progress } from './progress.js';
import { RESULT_SCHEMA, type ResultRecord } from './result-record.js';
import { ARTIFACTS_DIR, cellKey, EXPLANATIONS_DIR, LEADERBOARD_JSON, RESULTS_JSONL, RUN_JSON, RunStore, SUMMARY_MD } from './results-store.js';
import { RUN_SCHEMA, type RunInfo } from './run-info.js';
import { reExplainer } from './re-explainer.js';
import { renderHeatmapPng } from './render/heatmap-png.js';
import { scoreSamples } from './score-samples.js';
import { buildCatalog, writeCatalog } from './site/catalog.js';
import { renderMarkdown, renderTerminal } from './summary-table.js';
import { versionInfo } from './version.js';
import { getTaskSpec, loadTask } from '../datasets/index.js';
import type { Task, TaskSpec } from '../datasets/task.js';
import { attributionText } from '../explainers/attribution-text.js';
import { explainers as allExplainers, getExplainer } from '../explainers/index.js';
import { type Explainer, isAttributionExplainer } from '../explainers/types.js';
import { getMetric, metrics as allMetrics } from '../metrics/index.js';
import { type Metric, metricScores } from '../metrics/types.js';

export interface RunOptions {
  readonly profile?: ProfileId | string;
  readonly tasks?: readonly string[];
  readonly explainers?: readonly string[];
  readonly metrics?: readonly string[];
  /** `--set id.param=value` overrides. */
  readonly sets?: readonly string[];
  readonly out?: string;
  readonly backend?: BackendChoice;
  readonly seed?: number;
  readonly resume?: boolean;
  /** Override of the profile's inputs per task. */
  readonly samples?: number;
  readonly progress?: Progress | 'console' | 'silent';
}

export interface RunOutcome {
  readonly dir: string;
  readonly run: RunInfo;
  readonly leaderboard: Leaderboard;
  readonly records: readonly ResultRecord[];
  readonly table: string;
}

interface Plan {
  readonly spec: TaskSpec;
  readonly cells: readonly { explainer: Explainer; metrics: readonly Metric[] }[];
}

/**
 * A metric applies to a task when the task can give what it requires: localisation counts only where
 * the model was shown to use the ground truth.
 */
function metricApplies(m: Metric, spec: TaskSpec): boolean {
  return !m.requires.includes('ground-truth') || spec.groundTruthUsable();
}

/** An explainer applies to a task of a kind it handles that offers everything it needs. */
function explainerApplies(e: Explainer, spec: TaskSpec): boolean {
  return (!e.kinds || e.kinds.includes(spec.kind)) && e.needs.every((n) => spec.offers.includes(n));
}

/** Resolves every explainer's and metric's parameters up front, so a bad --set fails before any work. */
function resolveAllParams(profile: Profile, sets: readonly string[], explainers: readonly Explainer[], metrics: readonly Metric[]) {
  const owners = [...explainers.map((e) => e.id), ...metrics.map((m) => m.id)];
  const user = splitSets(sets, owners);
  const params = new Map<string, AnyParamValues>();
  const setRecord: Record<string, number | string | boolean> = {};
  for (const owner of [...explainers, ...metrics]) {
    const merged = { ...(profile.sets[owner.id] ?? {}), ...(user.get(owner.id) ?? {}) };
    params.set(owner.id, resolveParams(owner.params, merged, owner.id));
    for (const [k, v] of Object.entries(user.get(owner.id) ?? {})) setRecord[`${owner.id}.${k}`] = v;
  }
  return { params, setRecord };
}

function sameConfig(a: RunInfo['config'], b: RunInfo['config']): string | null {
  for (const k of ['tasks', 'explainers', 'metrics', 'sets', 'samplesPerTask'] as const) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return k;
  }
  return null;
}

function clearRunFolder(dir: string): void {
  for (const f of [RUN_JSON, RESULTS_JSONL, LEADERBOARD_JSON, SUMMARY_MD, EXPLANATIONS_DIR, ARTIFACTS_DIR]) {
    rmSync(join(dir, f), { recursive: true, force: true });
  }
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

export async function runBenchmark(o: RunOptions = {}): Promise<RunOutcome> {
  const profile = getProfile(o.profile ?? 'quick');
  const seed = o.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(`--seed ${o.seed}: expected a non-negative integer`);
  if (o.samples !== undefined && (!Number.isInteger(o.samples) || o.samples < 1)) throw new UserError(`--samples ${o.samples}: expected a positive integer`);
  const specs = (o.tasks ?? profile.tasks).map((id) => getTaskSpec(id));
  const explainers = o.explainers ? o.explainers.map((id) => getExplainer(id)) : [...allExplainers];
  const metrics = o.metrics ? o.metrics.map((id) => getMetric(id)) : [...allMetrics];
  const { params, setRecord } = resolveAllParams(profile, o.sets ?? [], explainers, metrics);
  const samplesPerTask = o.samples ?? profile.samplesPerTask;

  const dir = o.out ?? join('results', profile.id);
  const store = new RunStore(dir);
  const backend = await useBackend(o.backend ?? 'auto');
  const v = versionInfo();
  const config: RunInfo['config'] = {
    tasks: specs.map((s) => s.id),
    explainers: explainers.map((e) => e.id),
    metrics: metrics.map((m) => m.id),
    sets: setRecord,
    samplesPerTask,
    explainChunk: profile.explainChunk,
  };
  let run: RunInfo;
  const previous = existsSync(join(dir, RUN_JSON)) ? store.readRunJson() : null;
  if (o.resume) {
    if (!previous) throw new UserError(`--resume: ${dir} holds no run to resume (no ${RUN_JSON})`);
    const diff = sameConfig(previous.config, config);
    if (diff) throw new UserError(`--resume: ${dir} was run with a different ${diff}; resume with the same options or use another --out`);
    if (previous.profile !== profile.id || previous.seed !== seed) {
      throw new UserError(`--resume: ${dir} was run with --profile ${previous.profile} --seed ${previous.seed}`);
    }
    run = { ...previous, status: 'running', backend };
  } else {
    if (previous) clearRunFolder(dir);
    const startedAt = new Date().toISOString();
    run = {
      schema: RUN_SCHEMA,
      id: `${profile.id}-${startedAt.replace(/[-:]/g, '').replace(/\..*/, '')}-s${seed}`,
      profile: profile.id,
      seed,
      backend,
      version: v.version,
      commit: v.commit,
      status: 'running',
      startedAt,
      config,
      timings: { seconds: 0, cells: 0, cellsDone: 0 },
      versions: { node: process.versions.node, tfjs: v.tfjs },
    };
  }

  // Plan every cell first: the progress bar needs the total, and bad ids must fail before any work.
  const plans: Plan[] = specs.map((spec) => ({
    spec,
    cells: explainers
      .filter((e) => explainerApplies(e, spec))
      .map((explainer) => ({ explainer, metrics: metrics.filter((m) => metricScores(m, explainer.family) && metricApplies(m, spec)) })),
  }));
  const totalCells = plans.reduce((a, p) => a + p.cells.reduce((b, c) => b + c.metrics.length, 0), 0);
  const done = store.completedCells();
  const progress: Progress =
    o.progress === 'silent' ? consoleProgress(totalCells, process.stderr, true) : o.progress && o.progress !== 'console' ? o.progress : consoleProgress(totalCells);
  const t0 = performance.now();
  const previousSeconds = run.timings.seconds;
  let cellsDone = 0;
  const writeRun = (status: RunInfo['status'], extra: Partial<RunInfo> = {}) => {
    run = {
      ...run,
      ...extra,
      status,
      timings: { seconds: previousSeconds + (performance.now() - t0) / 1000, cells: totalCells, cellsDone },
    };
    store.writeRunJson(run);
  };
  writeRun('running');
  progress.note(`xai-bench ${v.version}: profile ${profile.id}, seed ${seed}, backend ${backend}, ${specs.length} tasks, ${totalCells} cells -> ${dir}`);

  try {
    for (const plan of plans) {
      const pending = plan.cells.filter((c) => c.metrics.some((m) => !done.has(cellKey(plan.spec.id, c.explainer.id, m.id))));
      const skipped = plan.cells.reduce((a, c) => a + c.metrics.filter((m) => done.has(cellKey(plan.spec.id, c.explainer.id, m.id))).length, 0);
      cellsDone += skipped;
      progress.advance(skipped);
      if (pending.length === 0) continue;
      progress.step(`${plan.spec.id}: loading data and model`);
      const task = await loadTask(plan.spec.id);
      const engine = new Engine(task.model);
      const n = samplesPerTask === 'all' ? task.test.x.n : Math.min(samplesPerTask, task.test.x.n);
      const sampleIds = task.sampleIds(n);
      const indices = sampleIds.map((id) => task.sampleIndex(id));
      const batch = selectSamples(task.test.x, indices);
      const targets = predictedTargets(engine, batch);
      const gtUsable = task.groundTruth !== undefined && task.groundTruthCheck?.passed === true;
      const gt = gtUsable ? groundTruthMasks(task, indices) : undefined;
      const gtWeights = gtUsable ? groundTruthWeights(task, targets) : undefined;
      for (const cell of pending) {
        const explainer = cell.explainer;
        const eParams = params.get(explainer.id)!;
        let fitted: Promise<unknown> | null = null;
        const data = { train: task.train, test: task.test };
        const state = () => (fitted ??= fitExplainer(explainer, engine, task, seed, eParams, data));
        const samples = await explanationsFor(store, task, engine, explainer, eParams, state, seed, batch, targets, sampleIds, profile.explainChunk, progress);
        // Stability and sanity metrics re-run attribution explainers; structured families bring their own.
        const again = isAttributionExplainer(explainer) ? reExplainer(explainer, eParams, state, engine, task, seed) : undefined;
        for (const metric of cell.metrics) {
          const key = cellKey(task.id, explainer.id, metric.id);
          if (done.has(key)) continue;
          if (metric.requires.includes('ground-truth') && !gt) throw new Error(`${task.id}: planned ${metric.id} but the task's ground truth is not usable`);
          progress.step(`${task.id} · ${explainer.id} · ${metric.id}`);
          const mParams = params.get(metric.id)!;
          const scored = await scoreSamples({ metric, params: mParams, engine, task, seed, explainerId: explainer.id, output: explainer.output, batch, samples, groundTruth: gt, groundTruthWeights: gtWeights, explainer: again, data, state: explainer.fit ? await state() : undefined });
          const rec: ResultRecord = {
            schema: RESULT_SCHEMA,
            run: run.id,
            task: task.id,
            explainer: explainer.id,
            metric: metric.id,
            criterion: metric.criterion,
            direction: metric.directionFor?.(mParams) ?? metric.direction,
            explainerParams: eParams,
            metricParams: mParams,
            output: explainer.output,
            seed,
            backend,
            version: v.version,
            commit: v.commit,
            modelHash: task.model.hash,
            datasetHash: task.dataset.hash,
            sampleIds,
            values: scored.values,
            nulls: scored.nulls,
            mean: scored.mean,
            n: scored.n,
            cost: scored.cost,
            timestamp: new Date().toISOString(),
            ...(scored.details ? { details: scored.details } : {}),
          };
          store.appendResult(rec);
          done.add(key);
          cellsDone++;
          progress.advance();
        }
        writeRun('running');
      }
    }
  } catch (e) {
    writeRun('failed', { error: (e as Error).message.split('\n')[0] });
    progress.done();
    throw e;
  }

  progress.step('aggregating the leaderboard');
  const { records } = store.readResults();
  // The leaderboard's provenance describes the run as it is once run.json is written just after.
  const finishedAt = new Date().toISOString();
  const leaderboard = aggregate(records, [{ ...run, status: 'complete', finishedAt }], { seed, resamples: profile.bootstrapResamples });
  store.writeFileAtomic(LEADERBOARD_JSON, JSON.stringify(leaderboard, null, 2) + '\n');
  store.writeFileAtomic(SUMMARY_MD, renderMarkdown(leaderboard));
  writeCatalog(dir, buildCatalog(explainers, metrics));
  writeRun('complete', { finishedAt });
  progress.done();
  progress.note(`done in ${formatDuration(run.timings.seconds)}: ${records.length} results in ${dir}`);
  return { dir, run, leaderboard, records, table: renderTerminal(leaderboard) };
}

/** Where the run keeps the heatmap of one explanation (DESIGN.md "Run folder"). */
export function artifactPath(task: string, explainer: string, sampleId: string): string {
  return join(ARTIFACTS_DIR, task, explainer, `${sampleId}.png`);
}

/**
 * The explanations of one (task, explainer): those already on disk (from an interrupted run) are
 * reused when they were made with the same parameters; the rest are computed and appended.
 */
async function explanationsFor(
  store: RunStore,
  task: Task,
  engine: Engine,
  explainer: Explainer,
  params: AnyParamValues,
  state: () => Promise<unknown>,
  seed: number,
  batch: Batch,
  targets: Int32Array,
  sampleIds: readonly string[],
  chunk: number,
  progress: Progress,
): Promise<AnySample[]> {
  const where = store.explanationsPath(task.id, explainer.id);
  const have = new Map<string, AnySample>();
  for (const line of store.readExplanations(task.id, explainer.id).lines) {
    if (JSON.stringify(line.params) !== JSON.stringify(params)) continue;
    for (const s of samplesOf(line, where)) have.set(s.sampleId, s);
  }
  const missing = sampleIds.map((id, i) => ({ id, i })).filter(({ id }) => !have.has(id));
  if (missing.length > 0) {
    progress.step(`${task.id} · ${explainer.id} · explaining ${missing.length} inputs`);
    const sub = selectSamples(batch, missing.map((m) => m.i));
    const made = await explainSamples({
      explainer,
      params,
      state: await state(),
      engine,
      task,
      seed,
      batch: sub,
      targets: Int32Array.from(missing.map((m) => targets[m.i])),
      sampleIds: missing.map((m) => m.id),
      chunk,
      text: (s, input) => attributionText({ task, input, attribution: s.attribution, target: s.target, output: explainer.output }),
      onChunk: (chunkSamples) => {
        // Pictures first: a line in the explanations file promises its heatmap is on disk.
        if (task.kind === 'image') {
          for (const s of chunkSamples) {
            if (s.family !== 'attribution') continue;
            const input = sampleOf(batch, sampleIds.indexOf(s.sampleId));
            store.writeFileAtomic(artifactPath(task.id, explainer.id, s.sampleId), renderHeatmapPng({ input, attribution: s.attribution, shape: task.sampleShape }));
          }
        }
        store.appendExplanations(
          task.id,
          explainer.id,
          chunkSamples.map((s) => recordOf(explainer.id, params, explainer.output, task.sampleShape, [s])),
        );
      },
    });
    for (const s of made) have.set(s.sampleId, s);
  }
  return sampleIds.map((id, i) => {
    const s = have.get(id)!;
    if (s.target !== targets[i]) throw new UserError(`${where}: sample ${id} was explained for class ${s.target}, the model now predicts ${targets[i]} (model changed?); rerun without --resume`);
    return s;
  });
}
