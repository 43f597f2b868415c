/**
 * What one rater is shown, in which order, derived only from (packet seed, rater id) so it is the same
 * after a restart or on another device: every item for SSA in a seeded order (controls interleaved);
 * `pairsPerRater` pairs, each with a seeded left/right side; one dialogue; then the questionnaires
 * about that dialogue's explanations, items in their official order.
 */
import { rngFor } from '../core/rng.js';
import { findInstrument, type Instrument } from '../metrics/human/questionnaires.js';
import type { Packet, PacketDialogue, PacketPair } from './packet.js';

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

export function raterPlan(packet: Packet, raterId: string): RaterPlan {
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
  const questions = dialogue
    ? packet.settings.instruments.flatMap((name) => {
        const [id, ...v] = name.split('-');
        const instrument = findInstrument(id, v.join('-'))!;
        return instrument.questions.map((question, index) => ({ instrument, question, index }));
      })
    : [];
  return { ssa, pairs, dialogue, questions };
}
