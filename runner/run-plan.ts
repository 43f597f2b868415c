/**
 * The first stage of a run: from the options to a plan (profile, tasks, explainers, metrics, their
 * resolved parameters, the run's configuration) and from the plan to its (task, explainer) units.
 * Every bad option fails here, before any folder is touched or any work done.
 */
import { useBackend, type BackendChoice } from '../core/backend.js';
import { UserError } from '../core/errors.js';
import { type AnyParamValues, resolveParams, splitSets } from '../core/params.js';
import { getTaskSpec } from '../datasets/index.js';
import { type RegisteredTaskConfig, registerTaskConfig } from '../datasets/task-config.js';
import type { TaskSpec } from '../datasets/task.js';
import { explainers as allExplainers, getExplainer } from '../explainers/index.js';
import type { Explainer } from '../explainers/types.js';
import { getMetric, metrics as allMetrics } from '../metrics/index.js';
import { type Metric, metricScores } from '../metrics/types.js';
import { type ResolvedVariant, resolveVariants } from './metric-variants.js';
import { getProfile, type Profile } from './profiles.js';
import type { RunInfo } from './run-info.js';
import type { RunOptions } from './run-options.js';
import type { Unit } from './unit.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RunPlan {
  readonly profile: Profile;
  readonly seed: number;
  readonly specs: readonly TaskSpec[];
  readonly explainers: readonly Explainer[];
  readonly metrics: readonly Metric[];
  readonly params: Map<string, AnyParamValues>;
  readonly variants: Record<string, ResolvedVariant[]>;
  readonly samplesPerTask: number | 'all';
  /** The profile's inputs per protected group (none when --samples is given). */
  readonly protectedGroupMinimum?: number;
  readonly shard: Shard | null;
  readonly plugins: readonly { readonly id: string; readonly path: string }[];
  readonly taskConfig: RegisteredTaskConfig | null;
  /** The configuration run.json records (and a resumed run must match). */
  readonly config: RunInfo['config'];
}

/** Checks the options and resolves what the run will do. */
export async function planRun(o: RunOptions): Promise<RunPlan> {
  const profile = getProfile(o.profile ?? 'quick');
  const seed = o.seed ?? 0;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(`--seed ${o.seed}: expected a non-negative integer`);
  if (o.samples !== undefined && (!Number.isInteger(o.samples) || o.samples < 1)) {
    throw new UserError(`--samples ${o.samples}: expected a positive integer`);
  }
  const taskConfig = o.config !== undefined ? await registerConfig(o.config, o.backend ?? 'auto') : null;
  const specs = (o.tasks ?? [...profile.tasks, ...(taskConfig?.record.tasks.map((t) => t.id) ?? [])]).map((id) => getTaskSpec(id));
  const explainers = o.explainers ? o.explainers.map((id) => getExplainer(id)) : [...allExplainers];
  const metrics = o.metrics ? o.metrics.map((id) => getMetric(id)) : allMetrics.filter((m) => !profile.skipMetrics?.includes(m.id));
  const { params, setRecord, variants } = resolveAllParams(profile, o.sets ?? [], explainers, metrics);
  const samplesPerTask = o.samples ?? profile.samplesPerTask;
  // --samples asks for exactly that many inputs per task: the profile's group minimum then steps aside.
  const protectedGroupMinimum = o.samples === undefined ? profile.protectedGroupMinimum : undefined;
  const shard = o.shard !== undefined ? parseShard(o.shard) : null;
  const plugins = o.plugins ?? [];
  if (o.jobs !== undefined && (!Number.isInteger(o.jobs) || o.jobs < 1)) {
    throw new UserError(`--jobs ${o.jobs}: expected a positive integer`);
  }
  if (o.resume && o.overwrite) throw new UserError('--resume and --overwrite: give one (resume the run in --out, or replace it)');
  const config: RunInfo['config'] = {
    tasks: specs.map((s) => s.id),
    explainers: explainers.map((e) => e.id),
    metrics: metrics.map((m) => m.id),
    sets: setRecord,
    samplesPerTask,
    ...(protectedGroupMinimum ? { protectedGroupMinimum } : {}),
    ...(profile.metricSamples ? { metricSamples: profile.metricSamples } : {}),
    explainChunk: profile.explainChunk,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    ...(plugins.length ? { plugins: plugins.map((p) => p.path) } : {}),
    ...(taskConfig ? { taskConfig: taskConfig.record } : {}),
  };
  return {
    profile, seed, specs, explainers, metrics, params, variants, samplesPerTask, protectedGroupMinimum, shard, plugins, taskConfig, config,
  };
}

/**
 * Every (task, explainer) unit of the plan with its metrics, in a fixed order; a shard takes every
 * n-th unit of that order, so shards partition the cells whatever their number.
 */
export function planUnits(plan: RunPlan): Unit[] {
  const metricsOf = (e: Explainer, spec: TaskSpec) =>
    plan.metrics.filter((m) => metricScores(m, e) && metricApplies(m, spec)).map((m) => m.id);
  const all: Unit[] = plan.specs.flatMap((spec) =>
    plan.explainers.filter((e) => explainerApplies(e, spec)).map((e) => ({ task: spec.id, explainer: e.id, metrics: metricsOf(e, spec) })),
  );
  const shard = plan.shard;
  return shard ? all.filter((_, k) => k % shard.count === shard.index - 1) : all;
}

/** `--shard i/n`: 1 <= i <= n. */
function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new UserError(`--shard ${text}: expected i/n with 1 <= i <= n (e.g. 2/4)`);
  return { index, count };
}

/**
 * A metric applies to a task when the task can give what it requires: localisation counts only where
 * the model was shown to use the ground truth; protected-attribute evidence only where the task has one.
 */
function metricApplies(m: Metric, spec: TaskSpec): boolean {
  if (m.requires.includes('protected-attribute') && !spec.hasProtectedAttribute) return false;
  return !m.requires.includes('ground-truth') || spec.groundTruthUsable();
}

/** An explainer applies to a task of a kind it handles that offers everything it needs and is meant for its family. */
function explainerApplies(e: Explainer, spec: TaskSpec): boolean {
  const kindFits = !e.kinds || e.kinds.includes(spec.kind);
  return kindFits && e.needs.every((n) => spec.offers.includes(n)) && (!spec.families || spec.families.includes(e.family));
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

/** Registers the --config tasks (their models load, so the backend comes first). */
async function registerConfig(path: string, backend: BackendChoice): Promise<RegisteredTaskConfig> {
  await useBackend(backend);
  return registerTaskConfig(path);
}
