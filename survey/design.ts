/**
 * The rater slots of a packet: a seeded, balanced incomplete block design (Fisher & Yates 1938;
 * Yates 1936, "Incomplete randomized blocks") in which a block is what one rater is given. Every
 * item is in exactly K slots (K raters per item, the panel the scorer's majority and agreement
 * statistics need), no slot holds more than the per-rater budget, and every method (controls
 * included) is spread over the slots as evenly as whole numbers allow: per slot, the count of each
 * method differs by at most one between slots. Pairs and the dialogue are dealt to slots in turn, so
 * each is used as often as any other. The server (serve/slot-desk.ts) hands slots out as raters
 * arrive; the design fixes what each slot holds and in which order.
 */
import { rngFor } from '../core/rng.js';
import { DESIGN_SCHEMA, type DesignBudget, type DesignSlot, type PacketDialogue, type PacketItem, type PacketPair, type StudyDesign } from './packet.js';

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** Items of one method, each needing K places. */
interface Placement {
  readonly slots: string[][];
  readonly load: number[];
  readonly perMethod: Map<string, number[]>;
  readonly perInput: Map<string, number[]>;
}

/** Whether counts `a` come before `b` (compared in order, first difference decides). */
const fewer = (a: readonly number[], b: readonly number[]): boolean => {
  const i = a.findIndex((x, j) => x !== b[j]);
  return i >= 0 && a[i] < b[i];
};

/**
 * Places every item in K distinct slots, fewest-first: a copy goes to the slot with the fewest items
 * of its method, then the fewest items, then the fewest items on its input, then the next in turn.
 * Returns null when the last copies find no slot with room that lacks the item (more slots then).
 */
function place(items: readonly PacketItem[], k: number, nSlots: number, seed: number): string[][] | null {
  const cap = Math.ceil((items.length * k) / nSlots);
  const p: Placement = {
    slots: Array.from({ length: nSlots }, () => []),
    load: new Array(nSlots).fill(0),
    perMethod: new Map(),
    perInput: new Map(),
  };
  const methods = [...new Set(items.map((i) => i.method))].sort();
  let turn = 0;
  for (const m of methods) {
    const mine = items.filter((i) => i.method === m);
    const order = rngFor(seed, 'survey', 'design', m).permutation(mine.length);
    const mc = new Array(nSlots).fill(0);
    p.perMethod.set(m, mc);
    for (const idx of order) {
      const it = mine[idx];
      const inputKey = `${it.task}|${it.instance}`;
      const ic = p.perInput.get(inputKey) ?? new Array(nSlots).fill(0);
      p.perInput.set(inputKey, ic);
      for (let c = 0; c < k; c++) {
        let best = -1;
        for (let j = 0; j < nSlots; j++) {
          const s = (turn + j) % nSlots;
          if (p.load[s] >= cap || p.slots[s].includes(it.id)) continue;
          if (best < 0 || fewer([mc[s], p.load[s], ic[s]], [mc[best], p.load[best], ic[best]])) best = s;
        }
        if (best < 0) return null;
        p.slots[best].push(it.id);
        p.load[best]++;
        mc[best]++;
        ic[best]++;
        turn = (best + 1) % nSlots;
      }
    }
  }
  return p.slots;
}

/** The design of a packet's items, pairs and dialogues under a budget. */
export function buildDesign(
  items: readonly PacketItem[],
  pairs: readonly PacketPair[],
  dialogues: readonly PacketDialogue[],
  budget: DesignBudget,
  seed: number,
): StudyDesign {
  const k = budget.ratersPerItem;
  let n = Math.max(k, Math.ceil((items.length * k) / budget.perRater));
  let placed = place(items, k, n, seed);
  while (!placed) placed = place(items, k, ++n, seed);
  const nPairs = Math.min(budget.pairsPerRater, pairs.length);
  const slots: DesignSlot[] = placed.map((ids, s) => {
    const id = `s-${pad3(s + 1)}`;
    const order = rngFor(seed, 'survey', 'design', 'order', id).permutation(ids.length);
    return {
      id,
      items: order.map((j) => ids[j]),
      pairs: Array.from({ length: nPairs }, (_, j) => pairs[(s * nPairs + j) % pairs.length].id),
      dialogue: budget.dialoguesPerRater > 0 && dialogues.length ? dialogues[s % dialogues.length].id : null,
    };
  });
  const most = Math.max(0, ...slots.map((s) => s.items.length));
  const minutes = most * 0.5 + nPairs * 0.5 + (budget.dialoguesPerRater > 0 && dialogues.length ? 3 + 8 / 6 : 0);
  return { schema: DESIGN_SCHEMA, kind: 'balanced-incomplete-block', seed, ...budget, slots, minutesPerSlot: Math.round(minutes * 10) / 10 };
}
