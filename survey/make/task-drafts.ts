/**
 * The drafting stage of one task: the methods rated on it, the inputs every chosen method explains
 * (stratified by predicted class), and for each input the method items, the controls and the dialogues.
 */
import { getTaskSpec, loadTask } from '../../datasets/index.js';
import { Engine } from '../../core/engine.js';
import { draftControls } from './control-drafts.js';
import { InputDrafts } from './input-drafts.js';
import { draftMethodItems } from './method-drafts.js';
import type { PacketBuild } from './packet-build.js';
import type { TaskDrafting } from './task-drafting.js';
import { explainersOf, runSamples } from './run-source.js';
import { stratifiedPick } from './stratified-pick.js';

export async function draftTask(b: PacketBuild, taskId: string): Promise<void> {
  const explainers = explainersOf(b.source, taskId);
  const samples = new Map(explainers.map((e) => [e, runSamples(b.source.store, taskId, e)]));
  const familyOf = (e: string): string => samples.get(e)!.values().next().value?.family ?? 'attribution';
  const explained = explainers.filter((e) => samples.get(e)!.size > 0);
  const methods = b.o.methods ? b.o.methods.filter((m) => explained.includes(m)) : explained.filter((m) => m !== 'random');
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
  const task = await loadTask(taskId);
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
