/**
 * Raters arriving at a designed study (issue 26): slots handed out as raters come, a slot abandoned
 * (the rater quits, or is silent past the timeout) handed to the next rater, no rater over the budget,
 * and, once every slot is finished, every item with exactly K finished ratings. Drives the protocol
 * and the SQLite store directly with a fake clock; arrivals, answers and abandonments interleave in a
 * seeded order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/rng.js';
import { buildDesign } from '../design.js';
import type { Packet, PacketItem } from '../packet.js';
import { bindPacket, openStudyDb } from '../study-db.js';
import { type NextStep, RatingProtocol } from './protocol.js';
import { RatingStore } from './rating-store.js';
import { SlotDesk } from './slot-desk.js';

const both = (s: string) => ({ en: s, ko: s });
const METHODS = ['gradient', 'lime', 'occlusion', 'kernel-shap'];

function packet(inputs: number, perRater: number, k: number): Packet {
  const items: PacketItem[] = [];
  for (let x = 0; x < inputs; x++) {
    for (const m of [...METHODS, 'control-constant']) {
      items.push({
        id: `it-${String(items.length + 1).padStart(4, '0')}`,
        task: 't',
        datasetId: 'd',
        modelId: 'm',
        instance: `x${x}`,
        method: m,
        control: m === 'control-constant' ? 'constant' : null,
        format: 'text',
        picture: null,
        sha256: '',
        text: both(m),
        answer: both('a'),
        input: {},
      });
    }
  }
  const pairs = Array.from({ length: inputs }, (_, x) => ({ id: `c-${String(x + 1).padStart(4, '0')}`, a: items[x * 5].id, b: items[x * 5 + 1].id }));
  const answers = Object.fromEntries(['why', 'most', 'change', 'similar', 'sure'].map((q) => [q, { text: both(q) }]));
  const dialogues = [{ id: 'd-0001', item: items[0].id, opening: both('o'), input: {}, answers: answers as Packet['dialogues'][number]['answers'] }];
  const budget = { perRater, ratersPerItem: k, pairsPerRater: 1, dialoguesPerRater: 1 };
  return {
    schema: 'xai-bench/survey-packet@1',
    studyId: 'arrivals',
    seed: 5,
    languages: ['ko', 'en'],
    source: { runId: 'r', tasks: ['t'], methods: METHODS },
    settings: { pairsPerRater: 1, instruments: ['ESS-2018-8'], maxTurns: 2, idleTimeoutS: 1800 },
    items,
    pairs,
    dialogues,
    design: buildDesign(items, pairs, dialogues, budget, 5),
  };
}

const MINUTE = 60_000;

class Study {
  time = Date.parse('2026-01-01T09:00:00Z');
  readonly store: RatingStore;
  readonly desk: SlotDesk;
  readonly protocol: RatingProtocol;
  private n = 0;

  constructor(readonly p: Packet) {
    const db = openStudyDb(join(mkdtempSync(join(tmpdir(), 'xai-bench-slots-')), 'ratings.sqlite'), { create: true });
    db.pragma('synchronous = OFF');
    bindPacket(db, p, 'hash', 'test');
    this.store = new RatingStore(db);
    this.desk = new SlotDesk(p.design!, db, 30 * MINUTE, () => this.time);
    this.protocol = new RatingProtocol(p, this.store, this.desk);
  }

  arrive(): string {
    const id = `r-R${++this.n}`;
    const row = { secretSha256: 'x', language: 'ko' as const, assent: null, pool: 'adult' as const, ageBand: null, grade: null, group: null };
    this.store.insertRater({ id, ...row, createdAt: new Date(this.time).toISOString() });
    // As on the server: the code page leads straight to the first step, which takes a slot.
    this.protocol.nextStep(id, 'ko');
    return id;
  }

  /** Answers the rater's next step; false when they have none left. */
  step(rater: string): boolean {
    const s: NextStep = this.protocol.nextStep(rater, 'ko');
    this.time += 20_000;
    const form = (o: Record<string, string>) => new URLSearchParams(o);
    if (s.kind === 'done') return false;
    if (s.kind === 'ssa') this.protocol.answer(rater, 'ko', form({ kind: 'ssa', item: s.item.id, question: s.question, label: '1' }));
    else if (s.kind === 'pair') this.protocol.answer(rater, 'ko', form({ kind: 'pair', comparison: s.comparison, choice: 'left' }));
    else if (s.kind === 'dialogue') this.protocol.answer(rater, 'ko', form({ kind: 'dialogue', dialogue: s.dialogue.id, turn: '0', ask: 'done' }));
    else this.protocol.answer(rater, 'ko', form({ kind: 'likert', instrument: s.question.instrument.name, question: s.question.question, response: '3' }));
    return true;
  }

  /** Distinct items each rater gave an SSA answer on. */
  ssaItemsPerRater(): Map<string, number> {
    const rows = this.store.db.prepare('SELECT rater_id, COUNT(DISTINCT item_id) AS n FROM ssa GROUP BY rater_id').all() as { rater_id: string; n: number }[];
    return new Map(rows.map((r) => [r.rater_id, r.n]));
  }

  /** Finished ratings per item: an item counts once for every finished slot that holds it. */
  finishedPerItem(): Map<string, number> {
    const slots = new Map(this.p.design!.slots.map((s) => [s.id, s]));
    const out = new Map<string, number>();
    for (const a of this.desk.store.all().filter((x) => x.completed_at !== null))
      for (const it of slots.get(a.slot)!.items) out.set(it, (out.get(it) ?? 0) + 1);
    return out;
  }
}

describe('slot desk', () => {
  it('gives every item exactly K finished ratings as raters arrive, quit and vanish, none over the budget', () => {
    const p = packet(12, 10, 3);
    const study = new Study(p);
    const rng = rngFor(1, 'test', 'arrivals');
    // Who is rating now, and how each will end: finish, quit after some answers, or vanish (timeout).
    const active = new Map<string, { fate: 'finish' | 'quit' | 'vanish'; stopAt: number; steps: number }>();
    const vanished: string[] = [];
    let arrivals = 0;
    for (let tick = 0; tick < 20_000 && study.desk.coverage().finished < p.design!.slots.length; tick++) {
      const cov = study.desk.coverage();
      if (active.size < 4 && cov.open > 0) {
        const r = study.arrive();
        arrivals++;
        const u = rng.next();
        active.set(r, { fate: u < 0.2 ? 'quit' : u < 0.4 ? 'vanish' : 'finish', stopAt: 1 + rng.int(6), steps: 0 });
        continue;
      }
      const raters = [...active.keys()];
      const r = raters[rng.int(raters.length)];
      const a = active.get(r)!;
      if (a.fate !== 'finish' && a.steps >= a.stopAt) {
        if (a.fate === 'quit') study.desk.quit(r);
        else vanished.push(r);
        active.delete(r);
        // A vanished rater is silent for 31 minutes before anyone needs their slot.
        if (a.fate === 'vanish') study.time += 31 * MINUTE;
        continue;
      }
      a.steps++;
      if (!study.step(r)) active.delete(r);
    }
    const slots = p.design!.slots.length;
    const cov = study.desk.coverage();
    expect(cov.finished).toBe(slots);
    expect(cov.itemsBelowK).toBe(0);
    expect(cov.abandoned).toBeGreaterThan(0);
    expect(arrivals).toBeGreaterThan(slots);
    expect([...study.finishedPerItem().entries()].filter(([, n]) => n !== 3)).toEqual([]);
    expect(study.desk.store.all().filter((a) => a.completed_at).map((a) => a.slot).sort()).toEqual(p.design!.slots.map((s) => s.id));
    expect(study.finishedPerItem().size).toBe(p.items.length);
    for (const [rater, n] of study.ssaItemsPerRater()) expect(n, rater).toBeLessThanOrEqual(p.design!.perRater);
    // Nobody was given a round-2 slot: arrivals stopped once every slot was held or finished.
    expect(study.desk.store.all().every((a) => a.round === 0)).toBe(true);
    // A vanished rater who comes back after their slot went on gets no new work (they had answered).
    const back = vanished.find((r) => study.desk.store.current(r) === undefined);
    expect(back).toBeDefined();
    expect(study.protocol.nextStep(back!, 'ko').kind).toBe('done');
    expect(study.ssaItemsPerRater().get(back!) ?? 0).toBeLessThanOrEqual(p.design!.perRater);
  });

  it('reissues a silent slot only after the timeout, gives a quitter their slot back if it is free, and opens round 2 when round 1 is held', () => {
    const p = packet(2, 10, 2);
    const study = new Study(p);
    const slots = p.design!.slots.map((s) => s.id);
    const [a, b] = [study.arrive(), study.arrive()];
    study.step(a);
    study.step(b);
    expect([study.desk.store.current(a)!.slot, study.desk.store.current(b)!.slot]).toEqual(slots.slice(0, 2));
    const c = study.arrive();
    study.step(c);
    // Every slot of round 0 is held (here 2 slots): the third rater starts round 2.
    expect(slots.length).toBe(2);
    expect(study.desk.store.current(c)!.round).toBe(1);
    study.desk.quit(a);
    expect(study.desk.coverage().open).toBe(1);
    study.step(a);
    expect(study.desk.store.current(a)).toMatchObject({ round: 0, slot: slots[0] });
    study.time += 29 * MINUTE;
    const d = study.arrive();
    study.step(d);
    expect(study.desk.store.current(d)!.round).toBe(1);
    study.time += 2 * MINUTE;
    const e = study.arrive();
    study.step(e);
    expect(study.desk.store.current(e)).toMatchObject({ round: 0, slot: slots[0] });
    expect(study.desk.store.released(a)[0].released_by).toBe('timeout');
  });
});
