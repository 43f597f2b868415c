/**
 * Hands out the design's rater slots (survey/design.ts) as raters arrive: the first slot of the
 * first round that nobody holds. A slot is held by a rater who finished it, or who has been seen
 * (any page or answer) within the abandonment timeout. A slot is abandoned, and handed to the next
 * rater who arrives, when its rater quits ("I want to stop") or has not been seen for the timeout.
 * So once every slot of round 0 is finished, every item has exactly K finished ratings. When every
 * slot of a round is held, new raters start the next round (a class larger than the design rates the
 * items again, in the same balance). A rater whose slot was taken back gets it again if it is still
 * free; otherwise a new slot only if they had not answered anything (no rater goes over the budget),
 * else the thank-you page. Every decision runs in one SQLite transaction with its write.
 */
import type { DesignSlot, StudyDesign } from '../packet.js';
import type { Db } from '../study-db.js';
import { type Assignment, AssignmentStore } from './assignment-store.js';

/** Default abandonment timeout: twice a 15-20 minute session would leave no room; 30 minutes of silence is gone. */
export const DEFAULT_ABANDON_MINUTES = 30;

export interface Coverage {
  readonly slots: number;
  readonly ratersPerItem: number;
  /** Round-0 slots finished. */
  readonly finished: number;
  /** Raters holding an unfinished slot and seen within the timeout. */
  readonly active: number;
  /** Slots taken back (timeout or quit), all rounds. */
  readonly abandoned: number;
  readonly items: number;
  /** Items with fewer than K finished ratings. */
  readonly itemsBelowK: number;
  /** Round-0 slots neither finished nor held now. */
  readonly open: number;
  /** Raters still to come for round 0: open slots over the share of raters who finished their slot so far. */
  readonly expectedRatersNeeded: number;
}

export class SlotDesk {
  readonly store: AssignmentStore;
  private readonly byId: ReadonlyMap<string, DesignSlot>;

  constructor(
    readonly design: StudyDesign,
    db: Db,
    readonly timeoutMs: number,
    readonly clock: () => number = Date.now,
  ) {
    this.store = new AssignmentStore(db);
    this.byId = new Map(design.slots.map((s) => [s.id, s]));
  }

  private transaction<T>(f: () => T): T {
    return this.store.db.transaction(f)();
  }

  private cutoff(): string {
    return new Date(this.clock() - this.timeoutMs).toISOString();
  }

  private held(a: Assignment, cutoff: string): boolean {
    return a.completed_at !== null || a.last_seen >= cutoff;
  }

  /** The rater's slot (touching it), handing one out when they have none; null when they get none. */
  slotOf(rater: string): DesignSlot | null {
    return this.transaction(() => {
      const now = new Date(this.clock()).toISOString();
      const cur = this.store.current(rater);
      if (cur) {
        // Seen-times need only minute precision: skip the write when the last one is under 30 s old.
        if (this.clock() - Date.parse(cur.last_seen) >= 30_000) this.store.touch(cur, now);
        return this.byId.get(cur.slot)!;
      }
      const before = this.store.released(rater);
      const cutoff = this.cutoff();
      const live = this.store.live();
      const holderOf = (round: number, slot: string) => live.find((a) => a.round === round && a.slot === slot);
      if (before.length) {
        const last = before[0];
        const holder = holderOf(last.round, last.slot);
        if (!holder || !this.held(holder, cutoff)) {
          if (holder) this.store.release(holder, now, 'timeout');
          this.store.reclaim(last, now);
          return this.byId.get(last.slot)!;
        }
        if (this.store.answeredAnything(rater)) return null;
      }
      for (let round = 0; ; round++) {
        for (const s of this.design.slots) {
          const holder = holderOf(round, s.id);
          if (holder && this.held(holder, cutoff)) continue;
          if (holder) this.store.release(holder, now, 'timeout');
          this.store.insert(rater, round, s.id, now);
          return s;
        }
      }
    });
  }

  /** Marks the rater's slot finished (their plan has no step left). */
  finished(rater: string): void {
    this.transaction(() => {
      const cur = this.store.current(rater);
      if (cur) this.store.complete(cur, new Date(this.clock()).toISOString());
    });
  }

  /** "I want to stop": the rater's unfinished slot goes to the next rater; their answers stay. */
  quit(rater: string): void {
    this.transaction(() => {
      const cur = this.store.current(rater);
      if (cur && cur.completed_at === null) this.store.release(cur, new Date(this.clock()).toISOString(), 'quit');
    });
  }

  coverage(): Coverage {
    const all = this.store.all();
    const cutoff = this.cutoff();
    const finished = all.filter((a) => a.completed_at !== null);
    const ratings = new Map<string, number>();
    for (const a of finished) for (const it of this.byId.get(a.slot)!.items) ratings.set(it, (ratings.get(it) ?? 0) + 1);
    const items = new Set(this.design.slots.flatMap((s) => s.items));
    const live = all.filter((a) => a.released_at === null);
    const active = live.filter((a) => a.completed_at === null && a.last_seen >= cutoff);
    const round0 = live.filter((a) => a.round === 0 && this.held(a, cutoff));
    const abandoned = all.filter((a) => a.released_by !== null).length;
    const open = this.design.slots.length - round0.length;
    const ended = finished.length + abandoned;
    const rate = ended ? finished.length / ended : 1;
    return {
      slots: this.design.slots.length,
      ratersPerItem: this.design.ratersPerItem,
      finished: finished.filter((a) => a.round === 0).length,
      active: active.length,
      abandoned,
      items: items.size,
      itemsBelowK: [...items].filter((i) => (ratings.get(i) ?? 0) < this.design.ratersPerItem).length,
      open,
      expectedRatersNeeded: rate > 0 ? Math.ceil(open / rate) : open,
    };
  }
}
