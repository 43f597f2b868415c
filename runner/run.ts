/**
 * The run: every task x applicable explainer x applicable metric of a profile, as a pipeline of stages
 * (plan -> open and lock the folder -> explain and score the units -> aggregate and write). Explanations
 * are persisted one line per sample and results one record per cell as they finish, so a run killed at
 * any moment and resumed loses no finished cell and recomputes none (docs/formats.md, "Run folder").
 */
import { consoleProgress, type Progress } from './progress.js';
import { completedOutcome, finishRun } from './run-finish.js';
import type { RunOptions, RunOutcome } from './run-options.js';
import { planRun, planUnits } from './run-plan.js';
import { startRun, type StartedRun } from './run-start.js';
import { type RunningRun, RunJournal } from './running-run.js';
import { pendingUnits, runPendingUnits } from './run-units.js';

export { type RunOptions, type RunOutcome } from './run-options.js';

export async function runBenchmark(o: RunOptions = {}): Promise<RunOutcome> {
  const plan = await planRun(o);
  const started = await startRun(o, plan);
  try {
    if (started.complete) return completedOutcome(started.store, started.run);
    return await runStarted(o, started);
  } finally {
    started.lock.release();
  }
}

/** The run proper, on a locked folder. */
async function runStarted(o: RunOptions, c: StartedRun): Promise<RunOutcome> {
  // Plan every unit first: the progress bar needs the total, and bad ids must fail before any work.
  const units = planUnits(c);
  const totalCells = units.reduce((a, u) => a + u.metrics.length, 0);
  const done = c.store.completedCells();
  const progress = progressOf(o, totalCells);
  const journal = new RunJournal(c.store, c.lock, c.dir, c.run, totalCells);
  journal.write('running');
  const r: RunningRun = { ...c, o, progress, journal, done, jobs: Math.max(1, o.jobs ?? 1) };
  announce(r, totalCells);
  await runPendingUnits(r, pendingUnits(r, units));
  return finishRun(r);
}

function progressOf(o: RunOptions, totalCells: number): Progress {
  if (o.progress === 'silent') return consoleProgress(totalCells, process.stderr, true);
  return o.progress && o.progress !== 'console' ? o.progress : consoleProgress(totalCells);
}

/** The run's first lines: what runs where, and the facts of the user's own tasks. */
function announce(r: RunningRun, totalCells: number): void {
  const { shard, jobs } = r;
  r.progress.note(
    `xai-bench ${r.v.version}: profile ${r.profile.id}, seed ${r.seed}, backend ${r.backend}, ` +
      `${r.specs.length} tasks, ${totalCells} cells` +
      `${shard ? ` (shard ${shard.index}/${shard.count})` : ''}${jobs > 1 ? `, ${jobs} jobs` : ''} -> ${r.dir}`,
  );
  for (const t of r.taskConfig?.record.tasks ?? []) {
    const f = r.taskConfig!.facts.get(t.id)!;
    const check = f.groundTruthCheck;
    const what = 'kind' in t ? `images ${t.imageShape.join('x')}` : `rows, ${t.features.length} features`;
    r.progress.note(
      `task ${t.id} (--config): ${f.trainRows} training / ${f.testRows} test ${what}, ${t.classes.length} classes, ` +
        `model test accuracy ${f.testAccuracy.toFixed(3)}` +
        (check ? `; ground-truth check ${check.passed ? 'passed' : 'failed (no localisation scores)'}: ${check.detail}` : ''),
    );
  }
}
