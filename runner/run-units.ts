/**
 * The third stage of a run: its pending units explained and scored, in this process or in workers,
 * with run.json rewritten after each. A failure marks the run failed (unless another run took the
 * folder) and stops it; a failed plugin unit only fails its own cells.
 */
import { cellKey } from './results-store.js';
import { runUnit } from './run-unit.js';
import { DEFAULT_CELL_TIMEOUT } from './run-options.js';
import type { RunningRun } from './running-run.js';
import { failCells, runSink } from './run-sink.js';
import type { Unit, UnitContext } from './unit.js';
import { runUnitsInWorkers } from './worker-pool.js';

/** The units with the cells still to do; finished cells count as done at once. */
export function pendingUnits(r: RunningRun, units: readonly Unit[]): Unit[] {
  const pending: Unit[] = [];
  for (const u of units) {
    const left = u.metrics.filter((m) => !r.done.has(cellKey(u.task, u.explainer, m)));
    r.journal.cellsDone += u.metrics.length - left.length;
    r.progress.advance(u.metrics.length - left.length);
    if (left.length > 0) pending.push({ ...u, metrics: left });
  }
  return pending;
}

export async function runPendingUnits(r: RunningRun, pending: readonly Unit[]): Promise<void> {
  try {
    await executeUnits(r, pending);
  } catch (e) {
    if (!r.lock.lostTo()) r.journal.write('failed', { error: (e as Error).message.split('\n')[0] });
    r.progress.done();
    throw e;
  }
}

/** In workers when asked for several jobs or when a plugin runs (isolated, with a time limit); else here, in order. */
async function executeUnits(r: RunningRun, pending: readonly Unit[]): Promise<void> {
  const sink = runSink(r);
  const ctxFor = (u: Unit) => unitContext(r, u);
  const pluginIds = new Set(r.plugins.map((p) => p.id));
  if (!((r.jobs > 1 && pending.length > 1) || pending.some((u) => pluginIds.has(u.explainer)))) {
    for (const u of pending) {
      await runUnit(u, ctxFor(u), sink);
      r.journal.write('running');
    }
    return;
  }
  await runUnitsInWorkers(pending, ctxFor, sink, {
    jobs: r.jobs,
    backend: r.backend,
    plugins: r.plugins.map((p) => p.path),
    ...(r.taskConfig ? { taskConfig: { path: r.taskConfig.record.path, sha256: r.taskConfig.record.sha256 } } : {}),
    replace: r.o.replacePlugins === true,
    timeoutFor: (u) => (pluginIds.has(u.explainer) ? (r.o.cellTimeout ?? DEFAULT_CELL_TIMEOUT) : null),
    isolated: (u) => pluginIds.has(u.explainer),
    onUnitDone: () => r.journal.write('running'),
    onUnitFailed: (u, reason) => failCells(r, sink, u, reason),
  });
}

/** What a unit is given: plain data (it may travel to a worker). */
function unitContext(r: RunningRun, u: Unit): UnitContext {
  return {
    runId: r.journal.run.id,
    seed: r.seed,
    backend: r.backend,
    version: r.v.version,
    commit: r.v.commit,
    samplesPerTask: r.samplesPerTask,
    ...(r.protectedGroupMinimum ? { protectedGroupMinimum: r.protectedGroupMinimum } : {}),
    metricSamples: r.profile.metricSamples ?? {},
    explainChunk: r.profile.explainChunk,
    params: Object.fromEntries([u.explainer, ...u.metrics].map((id) => [id, r.params.get(id)!])),
    variants: Object.fromEntries(u.metrics.filter((id) => r.variants[id]).map((id) => [id, r.variants[id]])),
    existing: r.store.readExplanations(u.task, u.explainer).lines,
    where: r.store.explanationsPath(u.task, u.explainer),
  };
}
