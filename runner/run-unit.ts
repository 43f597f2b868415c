/**
 * One unit of a run: a (task, explainer) pair and its pending metrics. It explains the task's samples
 * (reusing explanations already on disk), scores every pending metric, and hands explanation lines,
 * pictures and result records to a sink. It runs the same in the main process or in a worker: seeds
 * are per cell, so results do not depend on which process ran which unit (`--jobs`, `--shard`).
 */
import { openUnit } from './unit-run.js';
import { unitSamples } from './unit-explanations.js';
import { scoreUnit } from './unit-scores.js';
import type { Unit, UnitContext, UnitSink } from './unit.js';

export type { Artifact, Unit, UnitContext, UnitSink } from './unit.js';
export { taskSetup } from './task-setup.js';

/** Open the unit (task, explainer, fitted state on demand), explain its samples, score its metrics. */
export async function runUnit(unit: Unit, ctx: UnitContext, sink: UnitSink): Promise<void> {
  const u = await openUnit(unit, ctx, sink);
  const samples = await unitSamples(u);
  await scoreUnit(u, samples);
}
