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
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../runner/results-store.js';
import { readingLevel } from './audience.js';
import { controlNotes } from './control-notes.js';
import { buildDesign } from './design.js';
import { blindItems } from './make/blinding.js';
import { dialoguesOf } from './make/dialogues.js';
import { type MakeRequest, withDefaults } from './make/make-options.js';
import { PacketBuild } from './make/packet-build.js';
import { pairsOf } from './make/pairs.js';
import { referencesTemplate } from './make/references.js';
import { openRunSource } from './make/run-source.js';
import { draftTask } from './make/task-drafts.js';
import { DESIGN_JSON, PACKET_JSON, PACKET_SCHEMA, type Packet } from './packet.js';
import { itemsCsv } from './study-csv.js';

export type { MakeRequest } from './make/make-options.js';
export { stratifiedPick } from './make/stratified-pick.js';

/**
 * Makes the packet in stages: drafts per task (tasks and families the audience cannot judge left out),
 * blinding, pairs, dialogues, the rater slots (design.ts); then writes packet.json, design.json,
 * items.csv and the references template.
 */
export async function makePacket(request: MakeRequest): Promise<{ dir: string; packet: Packet }> {
  const o = withDefaults(request);
  const b = new PacketBuild(o, openRunSource(o));
  for (const taskId of b.source.tasks) await draftTask(b, taskId);
  if (b.drafts.length === 0) {
    const left = b.leftOut.length ? `; left out for ${o.audience}: ${b.leftOut.map((l) => `${l.task} (${l.reason})`).join(', ')}` : '';
    throw new UserError(
      `--run ${o.run}: no input is explained by every chosen method (methods: ` +
        `${o.methods?.join(', ') ?? "all the run's explainers but random"})${left}`,
    );
  }
  const blind = blindItems(b);
  const pairs = pairsOf(blind.items, o.seed);
  const dialogues = dialoguesOf(b, blind);
  const { perRater, ratersPerItem, pairsPerRater, dialoguesPerRater } = o;
  const budget = { perRater, ratersPerItem, pairsPerRater, dialoguesPerRater };
  const packet: Packet = {
    schema: PACKET_SCHEMA,
    studyId: b.source.studyId,
    seed: o.seed,
    languages: o.languages,
    source: { runId: b.source.runId, tasks: b.source.tasks, methods: [...b.usedMethods].sort() },
    settings: { pairsPerRater: o.pairsPerRater, instruments: o.instruments, maxTurns: o.maxTurns, idleTimeoutS: o.idleTimeoutS },
    items: blind.items,
    pairs,
    dialogues,
    controls: controlNotes([...b.usedFamilies].sort(), b.source.references.size > 0, b.randomMade, b.randomSkipped),
    design: buildDesign(blind.items, pairs, dialogues, budget, o.seed),
    audience: {
      audience: o.audience,
      maxSentences: b.maxSentences,
      readingLevel: readingLevel(blind.items.map((i) => i.text)),
      leftOut: b.leftOut,
      keptAnyway: b.keptAnyway,
      familiesLeftOut: [...b.familiesLeftOut].sort(),
    },
  };
  writeFileAtomic(b.file(PACKET_JSON), `${JSON.stringify(packet, null, 1)}\n`);
  writeFileAtomic(b.file(DESIGN_JSON), `${JSON.stringify(packet.design, null, 1)}\n`);
  writeFileAtomic(b.file('items.csv'), itemsCsv(packet));
  writeFileAtomic(b.file('references-template.csv'), referencesTemplate(blind.items));
  return { dir: b.out, packet };
}
