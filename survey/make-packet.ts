/**
 * `survey make`: a deterministic, stratified sample of inputs from a finished run, each shown with the
 * explanation of every chosen method as a rater would see it (attributions as a heatmap over the input,
 * rules as the rule used and the whole rule set, concept paths as the sentence and the graph paths,
 * examples as a picture grid or rows: structured-views.ts; always with the English and Korean text),
 * plus control items (a constant explanation, a random explanation in each family's own form, and a
 * human-written reference where one is supplied; the manifest `controls` says how each is realised per
 * family or why it does not apply), pairs of methods on the same input, and one explanation dialogue
 * per (input, attribution method) answered from the run's explainers. Inputs are stratified by the
 * model's predicted class: classes in turn, inputs within a class in a seeded order.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getTaskSpec, loadTask } from '../datasets/index.js';
import type { Task } from '../datasets/task.js';
import { attributionText } from '../explainers/attribution/attribution-text.js';
import type { ExampleQuery } from '../explainers/examples/example-query.js';
import { valueWithUnit } from '../explainers/examples/class-words.js';
import type { Bilingual } from '../explainers/types.js';
import { fromNested, makeBatch, sampleOf, sizeOf } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { UserError } from '../core/errors.js';
import { type AnySample, type ExplainedSample, samplesOf, type StructuredSample } from '../runner/explanation-record.js';
import { renderHeatmapPng } from '../render/heatmap-png.js';
import { renderImageGridPng } from '../render/image-grid-png.js';
import { EXPLANATIONS_DIR, RunStore, writeFileAtomic } from '../runner/results-store.js';
import { rngFor } from '../core/rng.js';
import { ID_PATTERN } from './cells.js';
import { readCsv } from './csv-file.js';
import { dialogueAnswers, openingLine } from './dialogue-answers.js';
import { itemsCsv } from './study-csv.js';
import { controlNotes } from './control-notes.js';
import { randomConceptPath, randomExamples, randomRule } from './random-controls.js';
import { type StructuredView, structuredView } from './structured-views.js';
import {
  type ControlNote,
  type DialogueAnswer,
  type InputView,
  type Lang,
  PACKET_ARTIFACTS,
  PACKET_JSON,
  PACKET_SCHEMA,
  type Packet,
  type PacketDialogue,
  type PacketItem,
  type PacketPair,
  type Picture,
  sha256,
} from './packet.js';
import { findInstrument } from '../metrics/human/questionnaires.js';

export interface MakeOptions {
  readonly run: string;
  readonly out: string;
  /** Explainer ids (any family) to rate; default every explainer of the run but `random`. */
  readonly methods?: readonly string[];
  readonly tasks?: readonly string[];
  /** Inputs per task. */
  readonly items: number;
  readonly languages: readonly Lang[];
  readonly seed: number;
  readonly studyId?: string;
  readonly pairsPerRater: number;
  readonly instruments: readonly string[];
  readonly maxTurns: number;
  readonly idleTimeoutS: number;
  /** CSV with task,instance_id,text_en,text_ko: human-written reference explanations (control-human items). */
  readonly references?: string;
}

const CONSTANT_TEXT: Bilingual = {
  en: 'The computer used the most important parts of the input to give its answer.',
  ko: '컴퓨터는 입력에서 가장 중요한 부분을 사용해서 답을 했습니다.',
};

const pad = (n: number) => String(n).padStart(4, '0');

function readRunSamples(store: RunStore, task: string, explainer: string): Map<string, AnySample> {
  const out = new Map<string, AnySample>();
  const where = store.explanationsPath(task, explainer);
  if (!existsSync(where)) return out;
  for (const line of store.readExplanations(task, explainer).lines) for (const s of samplesOf(line, where)) out.set(s.sampleId, s);
  return out;
}

/** Instances stratified by predicted class: one per class in turn, each class in a seeded order. */
export function stratifiedPick(instances: readonly { id: string; target: number }[], n: number, seed: number, task: string): string[] {
  const byClass = new Map<number, string[]>();
  for (const i of [...instances].sort((a, b) => (a.id < b.id ? -1 : 1))) byClass.set(i.target, [...(byClass.get(i.target) ?? []), i.id]);
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const queues = classes.map((c) => {
    const ids = byClass.get(c)!;
    return rngFor(seed, 'survey', 'pick', task, c).permutation(ids.length).map((k) => ids[k]);
  });
  const out: string[] = [];
  for (let round = 0; out.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (round < q.length && out.length < n) out.push(q[round]);
  }
  return out;
}

/**
 * What items.csv's artifact_sha256 fingerprints: the picture, or the text when there is none; with a
 * detail (rule set, paths, example captions) that too, since it is part of what raters see.
 */
function itemSha256(d: { png: Uint8Array | null; text: Bilingual; detail?: PacketItem['detail'] }): string {
  if (!d.detail) return d.png ? sha256(d.png) : sha256(JSON.stringify(d.text));
  return sha256(JSON.stringify({ picture: d.png ? sha256(d.png) : null, text: d.text, detail: d.detail }));
}

function readReferences(path: string): Map<string, Bilingual> {
  const f = readCsv(path, { required: ['task', 'instance_id', 'text_en', 'text_ko'], optional: [] });
  const out = new Map<string, Bilingual>();
  for (const r of f.rows) {
    const en = r.cells.get('text_en')!.trim();
    const ko = r.cells.get('text_ko')!.trim();
    if (!en && !ko) continue;
    if (!en || !ko) throw new UserError(`${path}: line ${r.line}: give the reference in both text_en and text_ko (or leave both empty)`);
    out.set(`${r.cells.get('task')}|${r.cells.get('instance_id')}`, { en, ko });
  }
  return out;
}

export async function makePacket(o: MakeOptions): Promise<{ dir: string; packet: Packet }> {
  const runDir = resolve(o.run);
  if (!existsSync(join(runDir, EXPLANATIONS_DIR))) throw new UserError(`--run ${o.run}: no ${EXPLANATIONS_DIR}/ folder (not a finished run folder)`);
  const store = new RunStore(runDir, { readOnly: true });
  const run = store.readRunJson();
  const runId = (run as { id?: string } | null)?.id ?? 'run';
  const studyId = o.studyId ?? `study-${runId}`.replace(/[^A-Za-z0-9._:-]/g, '-');
  if (!ID_PATTERN.test(studyId)) throw new UserError(`--study ${studyId}: not an id (letters, digits, '.', '_', ':' or '-')`);
  for (const name of o.instruments) if (!/^(ESS|TRUST|SCS)-/.test(name) || !findInstrument(name.split('-')[0], name.split('-').slice(1).join('-'))) throw new UserError(`--questionnaires ${name}: unknown instrument (known: ESS-2018-8, ESS-2023-9, TRUST-2018-8, SCS-2020-10)`);
  const taskDirs = readdirSync(join(runDir, EXPLANATIONS_DIR)).sort();
  const tasks = o.tasks ?? taskDirs;
  for (const t of tasks) if (!taskDirs.includes(t)) throw new UserError(`--tasks ${t}: the run has no explanations for task '${t}' (it has ${taskDirs.join(', ')})`);
  const references = o.references ? readReferences(o.references) : new Map<string, Bilingual>();

  const out = resolve(o.out);
  if (existsSync(join(out, PACKET_JSON))) rmSync(join(out, PACKET_ARTIFACTS), { recursive: true, force: true });
  mkdirSync(join(out, PACKET_ARTIFACTS), { recursive: true });
  const picture = (name: string, png: Uint8Array): Picture => {
    const file = `${PACKET_ARTIFACTS}/${name}.png`;
    writeFileAtomic(join(out, file), png);
    return { file, sha256: sha256(png) };
  };

  // Items are built with provisional ids and renamed after a seeded shuffle (blinding).
  interface Draft extends Omit<PacketItem, 'id' | 'picture' | 'input' | 'sha256'> {
    readonly png: Uint8Array | null;
    readonly inputPng: Uint8Array | null;
    readonly rows?: InputView['rows'];
  }
  const drafts: Draft[] = [];
  interface DialogueDraft {
    readonly draftIndex: number;
    readonly task: Task;
    readonly instance: string;
    readonly input: Float32Array;
    readonly target: number;
    readonly probabilities: Float32Array;
    readonly attribution: Float32Array;
    readonly counterfactual?: StructuredSample;
    readonly neighbours?: StructuredSample;
  }
  const dialogueDrafts: DialogueDraft[] = [];
  const usedMethods = new Set<string>();
  const usedFamilies = new Set<string>();
  // control-random per structured family: how many were made, and why some could not be.
  const randomMade = new Map<string, number>();
  const randomSkipped = new Map<string, Map<string, number>>();

  for (const taskId of tasks) {
    const files = readdirSync(join(runDir, EXPLANATIONS_DIR, taskId)).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length)).sort();
    const samples = new Map(files.map((e) => [e, readRunSamples(store, taskId, e)]));
    const familyOf = (e: string): string => samples.get(e)!.values().next().value?.family ?? 'attribution';
    const explained = files.filter((e) => samples.get(e)!.size > 0);
    const methods = o.methods ? o.methods.filter((m) => explained.includes(m)) : explained.filter((m) => m !== 'random');
    if (methods.length === 0) continue;
    const families = [...new Set(methods.map(familyOf))].sort();
    const hasAttribution = families.includes('attribution');
    // Inputs explained by every chosen method.
    const first = samples.get(methods[0])!;
    const common = [...first.values()].filter((s) => methods.every((m) => samples.get(m)!.has(s.sampleId))).map((s) => ({ id: s.sampleId, target: s.target }));
    const picked = stratifiedPick(common, o.items, o.seed, taskId);
    if (picked.length === 0) continue;
    methods.forEach((m) => usedMethods.add(m));
    families.forEach((f) => usedFamilies.add(f));
    const task = await loadTask(taskId);
    const spec = getTaskSpec(taskId);
    const engine = new Engine(task.model);
    const d = sizeOf(task.sampleShape);
    for (const instance of picked) {
      const input = sampleOf(task.test.x, task.sampleIndex(instance));
      const target = first.get(instance)!.target;
      const probabilities = engine.outputs(makeBatch(input, task.sampleShape), 'probability');
      const answer: Bilingual = { en: `The computer's answer: '${task.classes[target] ?? target}'`, ko: `컴퓨터의 답: '${task.classes[target] ?? target}'` };
      const image = task.kind === 'image';
      const rows = image ? undefined : task.featureNames.map((name, j) => ({ name, value: valueWithUnit(task, j, input[j]) }));
      const inputPng = image ? renderImageGridPng([input], task.sampleShape) : null;
      const base = { task: taskId, datasetId: spec.datasetId, modelId: spec.modelId, instance, answer, inputPng, ...(rows ? { rows } : {}) };
      const heat = (a: Float32Array) => (image ? renderHeatmapPng({ input, attribution: a, shape: task.sampleShape }) : null);
      const add = (method: string, control: PacketItem['control'], text: Bilingual, attribution: Float32Array | null, family = 'attribution') => {
        const png = attribution ? heat(attribution) : null;
        drafts.push({ ...base, method, control, family, format: png ? 'heatmap' : 'text', png, text });
        return drafts.length - 1;
      };
      const addView = (method: string, control: PacketItem['control'], family: string, v: StructuredView) => {
        drafts.push({ ...base, method, control, family, format: v.format, png: v.png, text: v.text, ...(v.detail ? { detail: v.detail } : {}) });
      };
      for (const m of methods) {
        const any = samples.get(m)!.get(instance)!;
        if (any.family !== 'attribution') {
          addView(m, null, any.family, structuredView(task, any, input));
          continue;
        }
        const s = any as ExplainedSample;
        const text = s.text ?? attributionText({ task, input, attribution: s.attribution, target, output: 'logit' });
        const k = add(m, null, text, s.attribution);
        const cf = samples.get('counterfactual')?.get(instance);
        const nn = samples.get('nearest-neighbours')?.get(instance);
        dialogueDrafts.push({
          draftIndex: k,
          task,
          instance,
          input,
          target,
          probabilities,
          attribution: s.attribution,
          ...(cf?.family === 'examples' ? { counterfactual: cf } : {}),
          ...(nn?.family === 'examples' ? { neighbours: nn } : {}),
        });
      }
      // The constant control is one item per input, shared by every family rated on it: a uniform
      // heatmap only where attributions are rated on an image, otherwise the same sentence.
      const constant = new Float32Array(d).fill(1);
      add('control-constant', 'constant', CONSTANT_TEXT, image && hasAttribution ? constant : null, hasAttribution ? 'attribution' : 'any');
      if (hasAttribution) {
        const rng = rngFor(o.seed, 'survey', 'control-random', taskId, instance);
        const random = Float32Array.from({ length: d }, () => rng.normal());
        add('control-random', 'random', attributionText({ task, input, attribution: random, target, output: 'logit' }), random);
      }
      for (const family of families.filter((f) => f !== 'attribution')) {
        const real = samples.get(methods.find((m) => familyOf(m) === family)!)!.get(instance) as StructuredSample;
        const rng = rngFor(o.seed, 'survey', 'control-random', taskId, instance, family);
        const v = family === 'rules' ? randomRule(real, rng) : family === 'concept-path' ? randomConceptPath(real, rng) : randomExamples(task, real, input, target, rng);
        if ('notApplicable' in v) {
          const reasons = randomSkipped.get(family) ?? new Map<string, number>();
          reasons.set(v.notApplicable, (reasons.get(v.notApplicable) ?? 0) + 1);
          randomSkipped.set(family, reasons);
        } else {
          addView('control-random', 'random', family, v);
          randomMade.set(family, (randomMade.get(family) ?? 0) + 1);
        }
      }
      const ref = references.get(`${taskId}|${instance}`);
      if (ref) add('control-human', 'human_reference', ref, null, hasAttribution ? 'attribution' : 'any');
    }
  }
  if (drafts.length === 0) throw new UserError(`--run ${o.run}: no input is explained by every chosen method (methods: ${o.methods?.join(', ') ?? "all the run's explainers but random"})`);

  // Blinding: ids in a seeded order unrelated to method or task.
  const order = rngFor(o.seed, 'survey', 'blind').permutation(drafts.length);
  const idOf = new Map<number, string>();
  order.forEach((draftIndex, k) => idOf.set(draftIndex, `it-${pad(k + 1)}`));
  const inputViews = new Map<string, InputView>();
  const inputView = (dr: Draft): InputView => {
    const key = `${dr.task}|${dr.instance}`;
    let v = inputViews.get(key);
    if (!v) {
      v = dr.inputPng ? { picture: picture(`input-${pad(inputViews.size + 1)}`, dr.inputPng) } : { rows: dr.rows };
      inputViews.set(key, v);
    }
    return v;
  };
  const items: PacketItem[] = order.map((draftIndex) => {
    const dr = drafts[draftIndex];
    const id = idOf.get(draftIndex)!;
    const { png, inputPng: _i, rows: _r, ...rest } = dr;
    return { ...rest, id, picture: png ? picture(id, png) : null, sha256: itemSha256(dr), input: inputView(dr) };
  });

  // Pairs: every two methods on the same input (controls are not paired).
  const pairs: PacketPair[] = [];
  const byInstance = new Map<string, PacketItem[]>();
  for (const it of items) if (it.control === null) byInstance.set(`${it.task}|${it.instance}`, [...(byInstance.get(`${it.task}|${it.instance}`) ?? []), it]);
  for (const key of [...byInstance.keys()].sort()) {
    const list = byInstance.get(key)!.sort((a, b) => (a.method < b.method ? -1 : 1));
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push({ id: `c-${pad(pairs.length + 1)}`, a: list[i].id, b: list[j].id });
  }
  const pairOrder = rngFor(o.seed, 'survey', 'pairs').permutation(pairs.length);
  const shuffledPairs = pairOrder.map((k, n) => ({ ...pairs[k], id: `c-${pad(n + 1)}` }));

  const dialogues: PacketDialogue[] = [];
  const dOrder = rngFor(o.seed, 'survey', 'dialogues').permutation(dialogueDrafts.length);
  for (const k of dOrder) {
    const dd = dialogueDrafts[k];
    const item = items.find((it) => it.id === idOf.get(dd.draftIndex))!;
    const id = `d-${pad(dialogues.length + 1)}`;
    const image = dd.task.kind === 'image';
    const exampleAnswer = (s: StructuredSample | undefined, what: 'change' | 'similar'): DialogueAnswer | undefined => {
      if (!s) return undefined;
      const q = s.explanation as ExampleQuery;
      const pics = image ? q.samples.map((e) => fromNested(e.input, dd.task.sampleShape)).filter((r): r is { data: Float32Array } => 'data' in r).map((r) => r.data) : [];
      const shown = what === 'change' ? (pics.length ? [dd.input, ...pics] : []) : pics;
      return { text: s.text, ...(shown.length ? { picture: picture(`${id}-${what}`, renderImageGridPng(shown, dd.task.sampleShape)) } : {}) };
    };
    dialogues.push({
      id,
      item: item.id,
      opening: openingLine(dd.task, dd.target),
      input: item.input,
      answers: dialogueAnswers({
        task: dd.task,
        input: dd.input,
        target: dd.target,
        probabilities: dd.probabilities,
        primary: { text: item.text, attribution: dd.attribution, ...(item.picture ? { picture: item.picture } : {}) },
        counterfactual: exampleAnswer(dd.counterfactual, 'change'),
        neighbours: exampleAnswer(dd.neighbours, 'similar'),
      }),
    });
  }

  const packet: Packet = {
    schema: PACKET_SCHEMA,
    studyId,
    seed: o.seed,
    languages: o.languages,
    source: { runId, tasks, methods: [...usedMethods].sort() },
    settings: { pairsPerRater: o.pairsPerRater, instruments: o.instruments, maxTurns: o.maxTurns, idleTimeoutS: o.idleTimeoutS },
    items,
    pairs: shuffledPairs,
    dialogues,
    controls: controlNotes([...usedFamilies].sort(), references.size > 0, randomMade, randomSkipped),
  };
  writeFileAtomic(join(out, PACKET_JSON), `${JSON.stringify(packet, null, 1)}\n`);
  writeFileAtomic(join(out, 'items.csv'), itemsCsv(packet));
  // A template for human-written references: fill it in and make the packet again with --references.
  const seen = new Set<string>();
  const refRows = items.filter((i) => !seen.has(`${i.task}|${i.instance}`) && seen.add(`${i.task}|${i.instance}`)).map((i) => `${i.task},${i.instance},,`);
  writeFileAtomic(join(out, 'references-template.csv'), ['task,instance_id,text_en,text_ko', ...refRows].join('\n') + '\n');
  return { dir: out, packet };
}
