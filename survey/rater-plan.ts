/**
 * What one rater is shown, in which order, derived only from (packet, rater id, design slot) so it is
 * the same after a restart or on another device. With a design slot (design.ts): the slot's items in
 * the slot's order, its pairs (each with a seeded left/right side) and its dialogue. A packet without
 * a design (made before designs existed): every item for SSA in a seeded order, `pairsPerRater` pairs
 * drawn per rater and one dialogue. Then the questionnaires about the dialogue's explanations, items
 * in their official order.
 */
import { rngFor } from '../core/rng.js';
import { findInstrument, type Instrument } from '../metrics/human/questionnaires.js';
import type { DesignSlot, Packet, PacketDialogue, PacketPair } from './packet.js';

export interface PlannedPair {
  readonly pair: PacketPair;
  /** Which of the pair's items is shown on the left. */
  readonly left: 'a' | 'b';
}

export interface PlannedQuestion {
  readonly instrument: Instrument;
  readonly question: string;
  /** 0-based position in the instrument. */
  readonly index: number;
}

export interface RaterPlan {
  readonly ssa: readonly string[];
  readonly pairs: readonly PlannedPair[];
  readonly dialogue: PacketDialogue | null;
  readonly questions: readonly PlannedQuestion[];
}

function slotPlan(packet: Packet, raterId: string, slot: DesignSlot): Omit<RaterPlan, 'questions'> {
  const rp = rngFor(packet.seed, 'survey', 'rater', raterId, 'sides');
  const pairs = slot.pairs.map((id) => ({ pair: packet.pairs.find((p) => p.id === id)!, left: rp.bernoulli(0.5) ? ('a' as const) : ('b' as const) }));
  return { ssa: slot.items, pairs, dialogue: slot.dialogue === null ? null : packet.dialogues.find((d) => d.id === slot.dialogue)! };
}

export function raterPlan(packet: Packet, raterId: string, slot: DesignSlot | null = null): RaterPlan {
  if (slot) {
    const plan = slotPlan(packet, raterId, slot);
    return { ...plan, questions: questionsOf(packet, plan.dialogue) };
  }
  const s = packet.seed;
  const ssa = rngFor(s, 'survey', 'rater', raterId, 'ssa')
    .permutation(packet.items.length)
    .map((k) => packet.items[k].id);
  const rp = rngFor(s, 'survey', 'rater', raterId, 'pairs');
  const pairs = rp
    .sample(packet.pairs.length, Math.min(packet.settings.pairsPerRater, packet.pairs.length))
    .map((k) => ({ pair: packet.pairs[k], left: rp.bernoulli(0.5) ? ('a' as const) : ('b' as const) }));
  const dialogue = packet.dialogues.length
    ? packet.dialogues[rngFor(s, 'survey', 'rater', raterId, 'dialogue').int(packet.dialogues.length)]
    : null;
  return { ssa, pairs, dialogue, questions: questionsOf(packet, dialogue) };
}

/** The questionnaires about the dialogue, items in their official order (none without a dialogue). */
function questionsOf(packet: Packet, dialogue: PacketDialogue | null): PlannedQuestion[] {
  if (!dialogue) return [];
  return packet.settings.instruments.flatMap((name) => {
    const [id, ...v] = name.split('-');
    const instrument = findInstrument(id, v.join('-'))!;
    return instrument.questions.map((question, index) => ({ instrument, question, index }));
  });
}
