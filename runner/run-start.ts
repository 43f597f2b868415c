/**
 * The second stage of a run: its folder, opened and locked for the plan. A folder with no run gets a
 * fresh one, a run of the same configuration is resumed, another configuration is refused (unless
 * replaced), and a complete run is left as it is.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { useBackend } from '../core/backend.js';
import { versionInfo } from '../core/version.js';
import type { TaskConfigRecord } from '../datasets/task-config.js';
import { RunStore } from './results-store.js';
import { RUN_SCHEMA, type RunInfo } from './run-info.js';
import type { RunLock } from './run-lock.js';
import { openRunFolder } from './run-open.js';
import type { RunOptions } from './run-options.js';
import type { RunPlan } from './run-plan.js';

/** A plan with its folder, opened and locked. */
export interface StartedRun extends RunPlan {
  readonly dir: string;
  readonly store: RunStore;
  readonly backend: string;
  readonly v: ReturnType<typeof versionInfo>;
  readonly lock: RunLock;
  readonly run: RunInfo;
  /** The folder holds this run complete: nothing is left to do. */
  readonly complete: boolean;
}

export async function startRun(o: RunOptions, plan: RunPlan): Promise<StartedRun> {
  const { profile, seed, config } = plan;
  const dir = o.out ?? join('results', profile.id);
  const store = new RunStore(dir);
  const backend = await useBackend(o.backend ?? 'auto');
  const v = versionInfo();
  const opened = openRunFolder({
    store,
    // `xai-bench ci` reruns its scratch candidate folder whatever ran there before (the plugin may have changed).
    existing: o.overwrite ? 'overwrite' : o.resume ? 'resume' : (o.existing ?? (o.replacePlugins ? 'overwrite' : 'auto')),
    breakLock: o.breakLock === true,
    differs: (previous) => runDiffers(dir, previous, plan),
    fresh: () => freshRun(runIdOf(profile.id, seed, config), profile.id, seed, backend, config),
    resumed: (previous) => resumedRun(previous, backend, v.commit),
    note: (line) => (typeof o.progress === 'object' ? o.progress.note(line) : process.stderr.write(`${line}\n`)),
  });
  return { ...plan, dir, store, backend, v, lock: opened.lock, run: opened.run, complete: opened.complete };
}

/** An earlier run going on: a failed run's error belongs to the attempt that failed, not to the run that now goes on. */
function resumedRun(previous: RunInfo, backend: string, commit: string | null): RunInfo {
  const { error: _failedAttempt, ...continued } = previous;
  const resumes = [...(previous.resumes ?? []), { at: new Date().toISOString(), commit, backend }];
  return { ...continued, status: 'running', backend, resumes };
}

function sameConfig(a: RunInfo['config'], b: RunInfo['config']): string | null {
  for (const k of ['tasks', 'explainers', 'metrics', 'sets', 'samplesPerTask', 'protectedGroupMinimum', 'metricSamples', 'shard'] as const) {
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

/** Why an earlier run in the folder is not this configuration (to resume), or null when it is. */
function runDiffers(dir: string, previous: RunInfo, plan: RunPlan): string | null {
  const diff = sameConfig(previous.config, plan.config);
  if (diff) return `${dir} was run with a different ${diff}`;
  const configDiff = configChange(previous.config.taskConfig as TaskConfigRecord | undefined, plan.taskConfig?.record);
  if (configDiff) return `${dir} ${configDiff}`;
  if (previous.profile !== plan.profile.id || previous.seed !== plan.seed) {
    return `${dir} was run with --profile ${previous.profile} --seed ${previous.seed}`;
  }
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

/**
 * A run's id names the experiment, not the process: the same configuration and seed give the same id,
 * so shards of one run merge into exactly the leaderboard of the unsharded run.
 */
function runIdOf(profile: string, seed: number, config: RunInfo['config']): string {
  const { tasks, explainers, metrics, sets, samplesPerTask, protectedGroupMinimum, metricSamples } = config;
  // A config's tasks count by content (file, data and model hashes), not by where they lie.
  const taskConfig = config.taskConfig as TaskConfigRecord | undefined;
  const userTasks = taskConfig && [taskConfig.sha256, ...taskConfig.tasks.map((t) => [t.dataHash, t.modelHash])];
  const identity = {
    tasks,
    explainers,
    metrics,
    sets,
    samplesPerTask,
    ...(protectedGroupMinimum ? { protectedGroupMinimum } : {}),
    ...(metricSamples ? { metricSamples } : {}),
    ...(userTasks ? { userTasks } : {}),
  };
  const h = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 10);
  return `${profile}-s${seed}-${h}`;
}
