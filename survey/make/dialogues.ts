/**
 * The dialogues, in a seeded order: each opens on its item's input and answers the fixed menu from the
 * item's own explanation and, where the run has them, its counterfactual and nearest-neighbour examples.
 */
import { fromNested } from '../../core/batch.js';
import { rngFor } from '../../core/rng.js';
import type { ExampleQuery } from '../../explainers/examples/example-query.js';
import { renderImageGridPng } from '../../render/image-grid-png.js';
import type { StructuredSample } from '../../runner/explanation-record.js';
import { localiseClasses } from '../class-names.js';
import { dialogueAnswers, openingLine } from '../dialogue-answers.js';
import type { DialogueAnswer, PacketDialogue } from '../packet.js';
import { type BlindItems, pad } from './blinding.js';
import type { DialogueDraft, PacketBuild } from './packet-build.js';

export function dialoguesOf(b: PacketBuild, blind: BlindItems): PacketDialogue[] {
  const dialogues: PacketDialogue[] = [];
  const order = rngFor(b.o.seed, 'survey', 'dialogues').permutation(b.dialogueDrafts.length);
  for (const k of order) {
    const dd = b.dialogueDrafts[k];
    const item = blind.items.find((it) => it.id === blind.idOf.get(dd.draftIndex))!;
    const id = `d-${pad(dialogues.length + 1)}`;
    dialogues.push({
      id,
      item: item.id,
      opening: localiseClasses(openingLine(dd.task, dd.target), dd.task.classes),
      input: item.input,
      answers: localisedAnswers(dd, dialogueAnswers({
        task: dd.task,
        input: dd.input,
        target: dd.target,
        probabilities: dd.probabilities,
        primary: { text: item.text, attribution: dd.attribution, ...(item.picture ? { picture: item.picture } : {}) },
        counterfactual: exampleAnswer(b, dd, id, dd.counterfactual, 'change'),
        neighbours: exampleAnswer(b, dd, id, dd.neighbours, 'similar'),
      })),
    });
  }
  return dialogues;
}

/** The answers with class ids in the rater's words. */
function localisedAnswers(dd: DialogueDraft, answers: PacketDialogue['answers']): PacketDialogue['answers'] {
  const out = Object.fromEntries(
    Object.entries(answers).map(([q, a]) => [q, { ...a, text: localiseClasses(a.text, dd.task.classes) }]),
  );
  return out as PacketDialogue['answers'];
}

/** An examples answer: the text, and on image tasks the examples as a picture (a change shown next to the input). */
function exampleAnswer(
  b: PacketBuild,
  dd: DialogueDraft,
  id: string,
  s: StructuredSample | undefined,
  what: 'change' | 'similar',
): DialogueAnswer | undefined {
  if (!s) return undefined;
  const q = s.explanation as ExampleQuery;
  const pics =
    dd.task.kind === 'image'
      ? q.samples
          .map((e) => fromNested(e.input, dd.task.sampleShape))
          .filter((r): r is { data: Float32Array } => 'data' in r)
          .map((r) => r.data)
      : [];
  const shown = what === 'change' ? (pics.length ? [dd.input, ...pics] : []) : pics;
  return { text: s.text, ...(shown.length ? { picture: b.picture(`${id}-${what}`, renderImageGridPng(shown, dd.task.sampleShape)) } : {}) };
}
