/**
 * The drafting stage of one task: the methods rated on it, the inputs every chosen method explains
 * (stratified by predicted class), and for each input the method items, the controls and the dialogues.
 */
import { getTaskSpec, loadTask } from '../../datasets/index.js';
import type { Task } from '../../datasets/task.js';
import { familyFits, taskMisfit } from '../audience.js';
import { Engine } from '../../core/engine.js';
import { draftControls } from './control-drafts.js';
import { InputDrafts } from './input-drafts.js';
import { draftMethodItems } from './method-drafts.js';
import type { PacketBuild } from './packet-build.js';
import type { TaskDrafting } from './task-drafting.js';
import { explainersOf, runSamples } from './run-source.js';
import { stratifiedPick } from './stratified-pick.js';

/**
 * Whether the audience can judge the task: when it cannot, the task is left out with a note, or kept
 * with a warning on stderr when --tasks names it.
 */
function audienceAllows(b: PacketBuild, taskId: string, task: Task): boolean {
  const misfit = taskMisfit(b.o.audience, task);
  if (misfit === null) return true;
  if (b.o.tasks?.includes(taskId)) {
    b.keptAnyway.push({ task: taskId, reason: misfit });
    process.stderr.write(`warning: --tasks ${taskId}: kept although ${b.o.audience} may not judge it (${misfit})\n`);
    return true;
  }
  b.leftOut.push({ task: taskId, reason: misfit });
  return false;
}

export async function draftTask(b: PacketBuild, taskId: string): Promise<void> {
  const task = await loadTask(taskId);
  if (!audienceAllows(b, taskId, task)) return;
  const explainers = explainersOf(b.source, taskId);
  const samples = new Map(explainers.map((e) => [e, runSamples(b.source.store, taskId, e)]));
  const familyOf = (e: string): string => samples.get(e)!.values().next().value?.family ?? 'attribution';
  const explained = explainers.filter((e) => samples.get(e)!.size > 0);
  const wanted = b.o.methods ? b.o.methods.filter((m) => explained.includes(m)) : explained.filter((m) => m !== 'random');
  // Families the audience is not asked to judge are left out (noted in the packet's audience record).
  for (const m of wanted) if (!familyFits(b.o.audience, familyOf(m))) b.familiesLeftOut.add(familyOf(m));
  const methods = wanted.filter((m) => familyFits(b.o.audience, familyOf(m)));
  if (methods.length === 0) return;
  const families = [...new Set(methods.map(familyOf))].sort();
  // Inputs explained by every chosen method.
  const first = samples.get(methods[0])!;
  const common = [...first.values()]
    .filter((s) => methods.every((m) => samples.get(m)!.has(s.sampleId)))
    .map((s) => ({ id: s.sampleId, target: s.target }));
  const picked = stratifiedPick(common, b.o.items, b.o.seed, taskId);
  if (picked.length === 0) return;
  methods.forEach((m) => b.usedMethods.add(m));
  families.forEach((f) => b.usedFamilies.add(f));
  const spec = getTaskSpec(taskId);
  const t: TaskDrafting = {
    taskId,
    task,
    engine: new Engine(task.model),
    datasetId: spec.datasetId,
    modelId: spec.modelId,
    samples,
    methods,
    families,
    familyOf,
  };
  for (const instance of picked) {
    const d = new InputDrafts(b, t, instance, first.get(instance)!.target);
    draftMethodItems(d);
    draftControls(d);
  }
}
