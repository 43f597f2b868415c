import { describe, expect, it } from 'vitest';
import { stratifiedPick } from './make-packet.js';
import type { Packet, PacketItem } from './packet.js';
import { raterPlan } from './rater-plan.js';

const item = (id: string): PacketItem => ({
  id,
  task: 't',
  datasetId: 'd',
  modelId: 'm',
  instance: 'x',
  method: 'gradient',
  control: null,
  format: 'text',
  picture: null,
  sha256: '',
  text: { en: '', ko: '' },
  answer: { en: '', ko: '' },
  input: {},
});

const packet = (seed: number): Packet => ({
  schema: 'xai-bench/survey-packet@1',
  studyId: 's',
  seed,
  languages: ['ko', 'en'],
  source: { runId: 'r', tasks: ['t'], methods: ['gradient'] },
  settings: { pairsPerRater: 2, instruments: ['ESS-2018-8', 'TRUST-2018-8'], maxTurns: 5, idleTimeoutS: 1800 },
  items: Array.from({ length: 6 }, (_, i) => item(`it-000${i + 1}`)),
  pairs: [
    { id: 'c-0001', a: 'it-0001', b: 'it-0002' },
    { id: 'c-0002', a: 'it-0003', b: 'it-0004' },
    { id: 'c-0003', a: 'it-0005', b: 'it-0006' },
  ],
  dialogues: [
    { id: 'd-0001', item: 'it-0001', opening: { en: '', ko: '' }, input: {}, answers: {} as Packet['dialogues'][number]['answers'] },
  ],
});

describe('raterPlan', () => {
  it('is a function of (seed, rater): every item once, distinct pairs, questionnaires in official order', () => {
    const a = raterPlan(packet(1), 'r-AAAAA');
    expect(raterPlan(packet(1), 'r-AAAAA')).toEqual(a);
    expect([...a.ssa].sort()).toEqual(packet(1).items.map((i) => i.id));
    expect(new Set(a.pairs.map((p) => p.pair.id)).size).toBe(2);
    expect(a.questions.map((q) => q.question)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `ESS-${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `TRUST-${i + 1}`),
    ]);
    // Different raters get different orders (blinding by order), with overwhelming probability for 6 items.
    const orders = new Set(['r-B', 'r-C', 'r-D', 'r-E'].map((r) => raterPlan(packet(1), r).ssa.join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('raterPlan with a design slot', () => {
  it("is the slot's items in the slot's order, its pairs and its dialogue, then the questionnaires", () => {
    const slot = { id: 's-002', items: ['it-0005', 'it-0002', 'it-0003'], pairs: ['c-0003', 'c-0001'], dialogue: 'd-0001' };
    const a = raterPlan(packet(1), 'r-AAAAA', slot);
    expect(a.ssa).toEqual(slot.items);
    expect(a.pairs.map((p) => p.pair.id)).toEqual(slot.pairs);
    expect(a.dialogue?.id).toBe('d-0001');
    expect(a.questions).toHaveLength(16);
    expect(raterPlan(packet(1), 'r-AAAAA', slot)).toEqual(a);
    const none = raterPlan(packet(1), 'r-AAAAA', { ...slot, dialogue: null });
    expect([none.dialogue, none.questions]).toEqual([null, []]);
  });
});

describe('stratifiedPick', () => {
  it('takes classes in turn, so a rare class is represented before a common one repeats', () => {
    const instances = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, target: 0 })),
      { id: 'b0', target: 1 },
      { id: 'c0', target: 2 },
    ];
    const picked = stratifiedPick(instances, 4, 0, 't');
    expect(
      picked
        .slice(0, 3)
        .map((id) => id[0])
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(picked[3][0]).toBe('a');
    expect(stratifiedPick(instances, 4, 0, 't')).toEqual(picked);
    expect(stratifiedPick(instances, 20, 0, 't')).toHaveLength(12);
  });
});
