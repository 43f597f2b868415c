/**
 * The survey packet (`survey make` writes it, `survey serve` reads it): packet.json with the blinded
 * items, pairs and dialogues, items.csv of the study schema (docs/formats.md, Survey files) and the pictures
 * under artifacts/. Method ids live only in packet.json and items.csv, which the server keeps to itself:
 * raters see item ids (it-0001...) assigned after a seeded shuffle, so neither names nor order give a
 * method away.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Bilingual } from '../explainers/types.js';
import type { AudienceRecord } from './audience.js';

export const PACKET_SCHEMA = 'xai-bench/survey-packet@1';
export const PACKET_JSON = 'packet.json';
/** The design alone (the same object as packet.json's `design`), for reading without the packet. */
export const DESIGN_JSON = 'design.json';
export const PACKET_ARTIFACTS = 'artifacts';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/** The fixed menu of the explanation dialogue, in the order it is shown. */
export const DIALOGUE_QUESTIONS = ['why', 'most', 'change', 'similar', 'sure'] as const;
export type DialogueQuestion = (typeof DIALOGUE_QUESTIONS)[number];

export interface Picture {
  /** Path inside the packet (artifacts/...). */
  readonly file: string;
  readonly sha256: string;
}

export interface InputView {
  /** The input as a picture (image tasks). */
  readonly picture?: Picture;
  /** The input as named values in original units (tabular tasks). */
  readonly rows?: readonly { readonly name: string; readonly value: string }[];
}

/** How an item's explanation is shown: a heatmap, plain text, a rule set, knowledge-graph paths, or example pictures. */
export type ItemFormat = 'heatmap' | 'text' | 'rule' | 'kg_path' | 'example';

/**
 * What a rater sees below an item's text besides its picture: the whole rule set with the rule that
 * fired marked, the knowledge-graph paths as node -> edge -> node chains, or (tabular examples) the
 * examples' values in original units. Every line in both languages.
 */
export interface ItemDetail {
  readonly title: Bilingual;
  readonly lines: readonly { readonly text: Bilingual; readonly marked?: boolean }[];
}

/**
 * The packet manifest's word on one control for one explainer family: how it is realised for that
 * family's items, or why it is not applicable there.
 */
export interface ControlNote {
  readonly method: 'control-constant' | 'control-random' | 'control-human';
  readonly family: string;
  readonly applicable: boolean;
  /** The format its items take where applicable. */
  readonly format?: ItemFormat;
  /** How the control is built for this family, or why it does not apply. */
  readonly note: string;
}

export interface PacketItem {
  readonly id: string;
  readonly task: string;
  readonly datasetId: string;
  readonly modelId: string;
  readonly instance: string;
  /** Explainer id or control id: never sent to raters. */
  readonly method: string;
  readonly control: 'constant' | 'random' | 'human_reference' | null;
  readonly format: ItemFormat;
  /** The explainer family the item shows (controls: the family they stand in for). */
  readonly family?: string;
  readonly picture: Picture | null;
  readonly detail?: ItemDetail;
  /** sha256 of the picture, or of the text (UTF-8 JSON of {en, ko}) when there is none. */
  readonly sha256: string;
  readonly text: Bilingual;
  /** What the model answered for this input. */
  readonly answer: Bilingual;
  readonly input: InputView;
}

/** Two items of different methods on the same input. */
export interface PacketPair {
  readonly id: string;
  readonly a: string;
  readonly b: string;
}

export interface DialogueAnswer {
  readonly text: Bilingual;
  readonly picture?: Picture;
}

export interface PacketDialogue {
  readonly id: string;
  /** The item whose method answers "why?" and "what mattered most?": the session's method_id. */
  readonly item: string;
  readonly opening: Bilingual;
  readonly input: InputView;
  readonly answers: Readonly<Record<DialogueQuestion, DialogueAnswer>>;
}

export interface PacketSettings {
  readonly pairsPerRater: number;
  /** Questionnaires asked after the dialogue, by instrument name (ESS-2018-8, TRUST-2018-8, SCS-2020-10). */
  readonly instruments: readonly string[];
  readonly maxTurns: number;
  readonly idleTimeoutS: number;
}

export const DESIGN_SCHEMA = 'xai-bench/survey-design@1';

export interface DesignSlot {
  /** s-001, s-002, ...: handed out in this order. */
  readonly id: string;
  /** SSA items, in the order the rater sees them. */
  readonly items: readonly string[];
  readonly pairs: readonly string[];
  readonly dialogue: string | null;
}

export interface DesignBudget {
  /** SSA items per rater. */
  readonly perRater: number;
  /** Raters per item (K). */
  readonly ratersPerItem: number;
  readonly pairsPerRater: number;
  /** Dialogues per rater (0 or 1). */
  readonly dialoguesPerRater: number;
}

export interface StudyDesign extends DesignBudget {
  readonly schema: typeof DESIGN_SCHEMA;
  /** What the design is: the construction named, so exported files can say which produced them. */
  readonly kind: 'balanced-incomplete-block';
  readonly seed: number;
  readonly slots: readonly DesignSlot[];
  /** A rough session length of one slot, minutes (30 s an item, 30 s a pair, 3 min a dialogue, 10 s a question). */
  readonly minutesPerSlot: number;
}

export interface Packet {
  readonly schema: typeof PACKET_SCHEMA;
  readonly studyId: string;
  readonly seed: number;
  readonly languages: readonly Lang[];
  readonly source: { readonly runId: string; readonly tasks: readonly string[]; readonly methods: readonly string[] };
  readonly settings: PacketSettings;
  readonly items: readonly PacketItem[];
  readonly pairs: readonly PacketPair[];
  readonly dialogues: readonly PacketDialogue[];
  /** Per explainer family in the packet: how each control is realised there, or why it is not applicable. */
  readonly controls?: readonly ControlNote[];
  /** The rater slots (survey/design.ts); a packet without one gives every rater every item. */
  readonly design?: StudyDesign;
  /** Who the packet is for, what was left out for them, and the reading level of its texts. */
  readonly audience?: AudienceRecord;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads and checks a packet folder: the JSON, and every picture against its recorded sha256. */
export function readPacket(dir: string): { packet: Packet; hash: string } {
  const file = join(dir, PACKET_JSON);
  if (!existsSync(file)) throw new UserError(`--packet ${dir}: no ${PACKET_JSON} (make one with xai-bench survey make)`);
  const text = readFileSync(file, 'utf8');
  let packet: Packet;
  try {
    packet = JSON.parse(text) as Packet;
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (packet.schema !== PACKET_SCHEMA) throw new UserError(`${file}: schema '${String(packet.schema)}' is not ${PACKET_SCHEMA}`);
  const pictures = [
    ...packet.items.map((i) => i.picture),
    ...packet.items.map((i) => i.input.picture),
    ...packet.dialogues.flatMap((d) => [d.input.picture, ...Object.values(d.answers).map((a) => a.picture)]),
  ];
  for (const p of pictures) {
    if (!p) continue;
    if (!/^artifacts\/[A-Za-z0-9._-]+\.png$/.test(p.file))
      throw new UserError(`${file}: picture path '${p.file}' is not artifacts/<name>.png`);
    const path = join(dir, p.file);
    if (!existsSync(path)) throw new UserError(`${path}: picture missing from the packet`);
    if (sha256(readFileSync(path)) !== p.sha256)
      throw new UserError(`${path}: sha256 differs from ${PACKET_JSON} (the packet was changed after it was made)`);
  }
  return { packet, hash: sha256(text) };
}
