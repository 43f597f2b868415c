/**
 * The run loop: every task x applicable explainer x applicable metric of a profile. Explanations are
 * persisted one line per sample and results one record per cell as they finish, so a run killed at any
 * moment and resumed loses no finished cell and recomputes none (DESIGN.md "Run folder").
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackend, type BackendChoice } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { aggregate } from '../leaderboard/aggregate.js';
import type { Leaderboard } from '../leaderboard/types.js';
import { isVariantRecord, type ResolvedVariant, resolveVariants } from './metric-variants.js';
import { type AnyParamValues, resolveParams, splitSets } from '../core/params.js';
import { getProfile, type Profile, type ProfileId } from './profiles.js';
import { consoleProgress, formatDuration, type Progress } from './progress.js';
import { RESULT_SCHEMA, type ResultRecord } from './result-record.js';
import { cellKey, LEADERBOARD_JSON, RunStore, SUMMARY_MD } from './results-store.js';
import type { RunLock } from './run-lock.js';
import { type ExistingRun, openRunFolder } from './run-open.js';
import { RUN_SCHEMA, type RunInfo } from './run-info.js';
import { runUnit, type Unit, type UnitContext, type UnitSink } from './run-unit.js';
import { buildCatalog, writeCatalog } from '../site/builder/catalog.js';
import { renderMarkdown, renderTerminal } from './summary-table.js';
import { versionInfo } from '../core/version.js';
import { runUnitsInWorkers } from './worker-pool.js';
import { getTaskSpec } from '../datasets/index.js';
import { type RegisteredTaskConfig, registerTaskConfig, type TaskConfigRecord } from '../datasets/task-config.js';
import type { TaskSpec } from '../datasets/task.js';
import { explainers as allExplainers, getExplainer } from '../explainers/index.js';
import type { Explainer } from '../explainers/types.js';
import { getMetric, metrics as allMetrics } from '../metrics/index.js';
import { type Metric, metricScores } from '../metrics/types.js';

export interface RunOptions {
  readonly profile?: ProfileId | string;
  readonly tasks?: readonly string[];
  /** `--config FILE`: the user's own tasks, run besides the profile's (`--tasks` selects among all). */
  readonly config?: string;
  readonly explainers?: readonly string[];
  readonly metrics?: readonly string[];
  /** `--set id.param=value` overrides. */
  readonly sets?: readonly string[];
  readonly out?: string;
  readonly backend?: BackendChoice;
  readonly seed?: number;
  /** Resume the run in `out` (its configuration must match); without it a matching run is resumed anyway (`existing`). */
  readonly resume?: boolean;
  /** Replace a run already in `out`, whatever its configuration. */
  readonly overwrite?: boolean;
  /** Neither flag: what becomes of a run already in `out` (default `auto`: resume the same configuration, refuse another). */
  readonly existing?: ExistingRun;
  /** Take the folder's lock even from a run that looks alive. */
  readonly breakLock?: boolean;
  /** Override of the profile's inputs per task. */
  readonly samples?: number;
  readonly progress?: Progress | 'console' | 'silent';
  /** Worker processes (default 1 in the library; the CLI defaults to the number of cores). */
  readonly jobs?: number;
  /** `i/n`: run only the i-th of n deterministic parts of the cells (merge with `xai-bench aggregate`). */
  readonly shard?: string;
  /** Explainer plugins already loaded in this process (`resolveExplainerRefs`), with their module paths for workers. */
  readonly plugins?: readonly { readonly id: string; readonly path: string }[];
  /** Plugins replace built-ins of the same id (`xai-bench ci`). */
  readonly replacePlugins?: boolean;
  /** Seconds a plugin's unit (all its cells on one task) may take; default 600. */
  readonly cellTimeout?: number;
}

export const DEFAULT_CELL_TIMEOUT = 600;

export interface RunOutcome {
  readonly dir: string;
  readonly run: RunInfo;
  readonly leaderboard: Leaderboard;
  readonly records: readonly ResultRecord[];
  readonly table: string;
}

/**
 * A metric applies to a task when the task can give what it requires: localisation counts only where
 * the model was shown to use the ground truth.
 */
function metricApplies(m: Metric, spec: TaskSpec): boolean {
  return !m.requires.includes('ground-truth') || spec.groundTruthUsable();
}

/** An explainer applies to a task of a kind it handles that offers everything it needs and is meant for its family. */
function explainerApplies(e: Explainer, spec: TaskSpec): boolean {
  return (!e.kinds || e.kinds.includes(spec.kind)) && e.needs.every((n) => spec.offers.includes(n)) && (!spec.families || spec.families.includes(e.family));
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
  const variants: Record<string, ResolvedVariant[]> = {};
  for (const m of metrics) {
    const declared = profile.metricVariants?.[m.id];
    if (!declared) continue;
    const merged = { ...(profile.sets[m.id] ?? {}), ...(user.get(m.id) ?? {}) };
    const resolved = resolveVariants(m.id, m.params, merged, declared, `profile ${profile.id}`);
    if (resolved.length) variants[m.id] = resolved;
  }
  return { params, setRecord, variants };
}

function sameConfig(a: RunInfo['config'], b: RunInfo['config']): string | null {
  for (const k of ['tasks', 'explainers', 'metrics', 'sets', 'samplesPerTask', 'metricSamples', 'shard'] as const) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return k;
  }
  return null;
}

/** Why a resume's --config differs from the run's, or null when it names the same tasks on the same files. */
function configChange(previous: TaskConfigRecord | undefined, now: TaskConfigRecord | undefined): string | null {
  const what = (c: TaskConfigRecord | undefined) => (c ? `--config ${c.path} (sha256 ${c.sha256.slice(0, 12)})` : 'no --config');
  const same = (a: TaskConfigRecord | undefined, b: TaskConfigRecord | undefined) =>
    JSON.stringify(a && { sha256: a.sha256, tasks: a.tasks }) === JSON.stringify(b && { sha256: b.sha256, tasks: b.tasks });
  return same(previous, now) ? null : `was run with ${what(previous)}, now ${what(now)}`;
}

/** Registers the --config tasks (their models load, so the backend comes first). */
async function registerConfig(path: string, backend: BackendChoice): Promise<RegisteredTaskConfig> {
  await useBackend(backend);
  return registerTaskConfig(path);
}

/** Why an earlier run in the folder is not this configuration (to resume), or null when it is. */
function runDiffers(dir: string, previous: RunInfo, config: RunInfo['config'], profile: string, seed: number, taskConfig: TaskConfigRecord | undefined): string | null {
  const diff = sameConfig(previous.config, config);
  if (diff) return `${dir} was run with a different ${diff}`;
  const configDiff = configChange(previous.config.taskConfig as TaskConfigRecord | undefined, taskConfig);
  if (configDiff) return `${dir} ${configDiff}`;
  if (previous.profile !== profile || previous.seed !== seed) return `${dir} was run with --profile ${previous.profile} --seed ${previous.seed}`;
  return null;
}

function freshRun(id: string, profile: string, seed: number, backend: string, config: RunInfo['config']): RunInfo {
  const v = versionInfo();
  return {
    schema: RUN_SCHEMA,
    id,
    profile,
    seed,
    backend,
    version: v.version,
    commit: v.commit,
    status: 'running',
    startedAt: new Date().toISOString(),
    config,
    timings: { seconds: 0, cells: 0, cellsDone: 0 },
    versions: { node: process.versions.node, tfjs: v.tfjs },
  };
}

/** A complete run asked for again: its folder is the answer, left as it is. */
function completedOutcome(store: RunStore, run: RunInfo): RunOutcome {
  const path = join(store.dir, LEADERBOARD_JSON);
  let leaderboard: Leaderboard;
  try {
    leaderboard = JSON.parse(readFileSync(path, 'utf8')) as Leaderboard;
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0]}); pass --overwrite to run again`);
  }
  return { dir: store.dir, run, leaderboard, records: store.readResults().records, table: renderTerminal(leaderboard) };
}

/** `--shard i/n`: 1 <= i <= n. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UserError(`--shard ${text}: expected i/n with 1 <= i <= n (e.g. 2/4)`);
  return { index, count };
}

/**
 * A run's id names the experiment, not the process: the same configuration and seed give the same id,
 * so shards of one run merge into exactly the leaderboard of the unsharded run.
 */
function runIdOf(profile: string, seed: number, config: RunInfo['config']): string {
  const { tasks, explainers, metrics, sets, samplesPerTask, metricSamples } = config;
  // A config's tasks count by content (file, data and model hashes), not by where they lie.
  const taskConfig = config.taskConfig as TaskConfigRecord | undefined;
  const userTasks = taskConfig && [taskConfig.sha256, ...taskConfig.tasks.map((t) => [t.dataHash, t.modelHash])];
  const h = createHash('sha256')
    .update(JSON.stringify({ tasks, explainers, metrics, sets, samplesPerTask, ...(metricSamples ? { metricSamples } : {}), ...(userTasks ? { userTasks } : {}) }))
    .digest('hex')
    .slice(0, 10);
  return `${profile}-s${seed}-${h}`;
}

export async function runBenchmark(o: RunOptions = {}): Promise<RunOutcome> {
  const profile = getProfile(o.profile ?? 'quick');
  const seed = o.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(`--seed ${o.seed}: expected a non-negative integer`);
  if (o.samples !== undefined && (!Number.isInteger(o.samples) || o.samples < 1)) throw new UserError(`--samples ${o.samples}: expected a positive integer`);
  const taskConfig = o.config !== undefined ? await registerConfig(o.config, o.backend ?? 'auto') : null;
  const specs = (o.tasks ?? [...profile.tasks, ...(taskConfig?.record.tasks.map((t) => t.id) ?? [])]).map((id) => getTaskSpec(id));
  const explainers = o.explainers ? o.explainers.map((id) => getExplainer(id)) : [...allExplainers];
  const metrics = o.metrics ? o.metrics.map((id) => getMetric(id)) : allMetrics.filter((m) => !profile.skipMetrics?.includes(m.id));
  const { params, setRecord, variants } = resolveAllParams(profile, o.sets ?? [], explainers, metrics);
  const samplesPerTask = o.samples ?? profile.samplesPerTask;
  const shard = o.shard !== undefined ? parseShard(o.shard) : null;
  const plugins = o.plugins ?? [];
  if (o.jobs !== undefined && (!Number.isInteger(o.jobs) || o.jobs < 1)) throw new UserError(`--jobs ${o.jobs}: expected a positive integer`);
  if (o.resume && o.overwrite) throw new UserError('--resume and --overwrite: give one (resume the run in --out, or replace it)');

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
    ...(profile.metricSamples ? { metricSamples: profile.metricSamples } : {}),
    explainChunk: profile.explainChunk,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    ...(plugins.length ? { plugins: plugins.map((p) => p.path) } : {}),
    ...(taskConfig ? { taskConfig: taskConfig.record } : {}),
  };
  const say = (line: string) => (typeof o.progress === 'object' ? o.progress.note(line) : process.stderr.write(`${line}\n`));
  const opened = openRunFolder({
    store,
    // `xai-bench ci` reruns its scratch candidate folder whatever ran there before (the plugin may have changed).
    existing: o.overwrite ? 'overwrite' : o.resume ? 'resume' : (o.existing ?? (o.replacePlugins ? 'overwrite' : 'auto')),
    breakLock: o.breakLock === true,
    differs: (previous) => runDiffers(dir, previous, config, profile.id, seed, taskConfig?.record),
    fresh: () => freshRun(runIdOf(profile.id, seed, config), profile.id, seed, backend, config),
    resumed: (previous) => {
      // A failed run's error belongs to the attempt that failed, not to the run that now goes on.
      const { error: _failedAttempt, ...continued } = previous;
      return { ...continued, status: 'running', backend, resumes: [...(previous.resumes ?? []), { at: new Date().toISOString(), commit: v.commit, backend }] };
    },
    note: say,
  });
  const planned: Planned = { profile, seed, specs, explainers, metrics, params, variants, samplesPerTask, shard, plugins, taskConfig };
  const lock = opened.lock;
  try {
    if (opened.complete) return completedOutcome(store, opened.run);
    return await runOpened(o, { ...planned, dir, store, backend, v, lock, run: opened.run });
  } finally {
    lock.release();
  }
}

interface Planned {
  readonly profile: Profile;
  readonly seed: number;
  readonly specs: readonly TaskSpec[];
  readonly explainers: readonly Explainer[];
  readonly metrics: readonly Metric[];
  readonly params: Map<string, AnyParamValues>;
  readonly variants: Record<string, ResolvedVariant[]>;
  readonly samplesPerTask: number | 'all';
  readonly shard: { index: number; count: number } | null;
  readonly plugins: readonly { readonly id: string; readonly path: string }[];
  readonly taskConfig: RegisteredTaskConfig | null;
}

interface Opened extends Planned {
  readonly dir: string;
  readonly store: RunStore;
  readonly backend: string;
  readonly v: ReturnType<typeof versionInfo>;
  readonly lock: RunLock;
  readonly run: RunInfo;
}

/** The run loop proper, on a locked folder. */
async function runOpened(o: RunOptions, c: Opened): Promise<RunOutcome> {
  const { profile, seed, specs, explainers, metrics, params, variants, samplesPerTask, shard, plugins, taskConfig, dir, store, backend, v, lock } = c;
  let run = c.run;
  // Plan every unit first: the progress bar needs the total, and bad ids must fail before any work.
  const allUnits: Unit[] = specs.flatMap((spec) =>
    explainers
      .filter((e) => explainerApplies(e, spec))
      .map((e) => ({ task: spec.id, explainer: e.id, metrics: metrics.filter((m) => metricScores(m, e) && metricApplies(m, spec)).map((m) => m.id) })),
  );
  // A shard takes every n-th unit of the fixed plan: shards partition the cells, whatever their number.
  const units = shard ? allUnits.filter((_, k) => k % shard.count === shard.index - 1) : allUnits;
  const totalCells = units.reduce((a, u) => a + u.metrics.length, 0);
  const done = store.completedCells();
  const progress: Progress =
    o.progress === 'silent' ? consoleProgress(totalCells, process.stderr, true) : o.progress && o.progress !== 'console' ? o.progress : consoleProgress(totalCells);
  const t0 = performance.now();
  const previousSeconds = run.timings.seconds;
  let cellsDone = 0;
  const writeRun = (status: RunInfo['status'], extra: Partial<RunInfo> = {}) => {
    const thief = lock.lostTo();
    // Another run broke this one's lock (--break-lock): the folder is its now.
    if (thief) throw new UserError(`${dir}: the run lock was taken over by pid ${thief.pid} on host ${thief.host}; this run stops`);
    run = {
      ...run,
      ...extra,
      status,
      timings: { seconds: previousSeconds + (performance.now() - t0) / 1000, cells: totalCells, cellsDone },
    };
    store.writeRunJson(run);
  };
  writeRun('running');
  const jobs = Math.max(1, o.jobs ?? 1);
  progress.note(
    `xai-bench ${v.version}: profile ${profile.id}, seed ${seed}, backend ${backend}, ${specs.length} tasks, ${totalCells} cells` +
      `${shard ? ` (shard ${shard.index}/${shard.count})` : ''}${jobs > 1 ? `, ${jobs} jobs` : ''} -> ${dir}`,
  );
  for (const t of taskConfig?.record.tasks ?? []) {
    const f = taskConfig!.facts.get(t.id)!;
    const check = f.groundTruthCheck;
    progress.note(
      `task ${t.id} (--config): ${f.trainRows} training / ${f.testRows} test rows, ${t.features.length} features, ${t.classes.length} classes, ` +
        `model test accuracy ${f.testAccuracy.toFixed(3)}` +
        (check ? `; ground-truth check ${check.passed ? 'passed' : 'failed (no localisation scores)'}: ${check.detail}` : ''),
    );
  }

  const pending: Unit[] = [];
  for (const u of units) {
    const left = u.metrics.filter((m) => !done.has(cellKey(u.task, u.explainer, m)));
    cellsDone += u.metrics.length - left.length;
    progress.advance(u.metrics.length - left.length);
    if (left.length > 0) pending.push({ ...u, metrics: left });
  }
  const ctxFor = (u: Unit): UnitContext => ({
    runId: run.id,
    seed,
    backend,
    version: v.version,
    commit: v.commit,
    samplesPerTask,
    metricSamples: profile.metricSamples ?? {},
    explainChunk: profile.explainChunk,
    params: Object.fromEntries([u.explainer, ...u.metrics].map((id) => [id, params.get(id)!])),
    variants: Object.fromEntries(u.metrics.filter((id) => variants[id]).map((id) => [id, variants[id]])),
    existing: store.readExplanations(u.task, u.explainer).lines,
    where: store.explanationsPath(u.task, u.explainer),
  });
  const heldVariants = new Map<string, ResultRecord[]>();
  const sink: UnitSink = {
    step: (label) => progress.step(label),
    explanations: (task, explainer, lines, artifacts) => {
      // Pictures first: a line in the explanations file promises its picture is on disk.
      for (const a of artifacts) store.writeFileAtomic(a.path, a.data);
      store.appendExplanations(task, explainer, lines);
    },
    result: (rec) => {
      const key = cellKey(rec.task, rec.explainer, rec.metric);
      // A unit sends a cell's setting variants before its own record: all are appended in one write.
      if (isVariantRecord(rec)) {
        heldVariants.set(key, [...(heldVariants.get(key) ?? []), rec]);
        return;
      }
      store.appendResults([rec, ...(heldVariants.get(key) ?? [])]);
      heldVariants.delete(key);
      done.add(key);
      cellsDone++;
      progress.advance();
    },
  };
  // A failed plugin cell is recorded with its reason and no values; the run goes on.
  const failCells = (u: Unit, reason: string) => {
    const task = getTaskSpec(u.task);
    for (const m of u.metrics) {
      if (done.has(cellKey(u.task, u.explainer, m))) continue;
      const metric = getMetric(m);
      const e = getExplainer(u.explainer);
      const mParams = params.get(m)!;
      sink.result({
        schema: RESULT_SCHEMA,
        run: run.id,
        task: task.id,
        explainer: u.explainer,
        metric: m,
        criterion: metric.criterion,
        direction: metric.directionFor?.(mParams) ?? metric.direction,
        explainerParams: params.get(u.explainer)!,
        metricParams: mParams,
        output: e.output,
        seed,
        backend,
        version: v.version,
        commit: v.commit,
        modelHash: 'unknown',
        datasetHash: 'unknown',
        sampleIds: [],
        values: [],
        nulls: {},
        mean: null,
        n: 0,
        cost: { seconds: 0, forwardPasses: 0, gradientPasses: 0 },
        timestamp: new Date().toISOString(),
        failure: `explainer ${u.explainer} failed: ${reason}`,
      });
    }
    progress.note(`${u.task} · ${u.explainer}: cells failed: ${reason}`);
  };
  const pluginIds = new Set(plugins.map((p) => p.id));
  try {
    if ((jobs > 1 && pending.length > 1) || pending.some((u) => pluginIds.has(u.explainer))) {
      await runUnitsInWorkers(pending, ctxFor, sink, {
        jobs,
        backend,
        plugins: plugins.map((p) => p.path),
        ...(taskConfig ? { taskConfig: { path: taskConfig.record.path, sha256: taskConfig.record.sha256 } } : {}),
        replace: o.replacePlugins === true,
        timeoutFor: (u) => (pluginIds.has(u.explainer) ? (o.cellTimeout ?? DEFAULT_CELL_TIMEOUT) : null),
        isolated: (u) => pluginIds.has(u.explainer),
        onUnitDone: () => writeRun('running'),
        onUnitFailed: failCells,
      });
    } else {
      for (const u of pending) {
        await runUnit(u, ctxFor(u), sink);
        writeRun('running');
      }
    }
  } catch (e) {
    if (!lock.lostTo()) writeRun('failed', { error: (e as Error).message.split('\n')[0] });
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

export { artifactPath } from './run-unit.js';
