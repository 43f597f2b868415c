import { describe, expect, it } from 'vitest';
import { validate } from '../core/schemas.js';
import { buildDesign } from './design.js';
import type { PacketItem, StudyDesign } from './packet.js';

const both = (s: string) => ({ en: s, ko: s });
const item = (id: string, method: string, instance: string, control: PacketItem['control'] = null): PacketItem => ({
  id,
  task: 't',
  datasetId: 'd',
  modelId: 'm',
  instance,
  method,
  control,
  format: 'text',
  picture: null,
  sha256: '',
  text: both(id),
  answer: both('a'),
  input: {},
});

/** `inputs` inputs, each explained by every method and with two controls. */
function designItems(methods: readonly string[], inputs: number): PacketItem[] {
  const out: PacketItem[] = [];
  for (let x = 0; x < inputs; x++) {
    for (const m of methods) out.push(item(`it-${String(out.length + 1).padStart(4, '0')}`, m, `x${x}`));
    out.push(item(`it-${String(out.length + 1).padStart(4, '0')}`, 'control-constant', `x${x}`, 'constant'));
    out.push(item(`it-${String(out.length + 1).padStart(4, '0')}`, 'control-random', `x${x}`, 'random'));
  }
  return out;
}

function checkBalanced(items: readonly PacketItem[], d: StudyDesign): void {
  const count = new Map<string, number>();
  for (const s of d.slots) {
    expect(s.items.length).toBeLessThanOrEqual(d.perRater);
    expect(new Set(s.items).size).toBe(s.items.length);
    for (const i of s.items) count.set(i, (count.get(i) ?? 0) + 1);
  }
  for (const i of items) expect(count.get(i.id)).toBe(d.ratersPerItem);
  const sizes = d.slots.map((s) => s.items.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  const methodOf = new Map(items.map((i) => [i.id, i.method]));
  for (const m of new Set(items.map((i) => i.method))) {
    const per = d.slots.map((s) => s.items.filter((i) => methodOf.get(i) === m).length);
    expect(Math.max(...per) - Math.min(...per), m).toBeLessThanOrEqual(1);
  }
}

describe('buildDesign', () => {
  const budget = { perRater: 24, ratersPerItem: 3, pairsPerRater: 3, dialoguesPerRater: 1 };
  it('puts every item in exactly K slots of at most the budget, every method and control evenly per slot', () => {
    const items = designItems(['gradient', 'lime', 'occlusion', 'kernel-shap', 'lrp'], 11);
    const pairs = Array.from({ length: 20 }, (_, k) => ({ id: `c-${String(k + 1).padStart(4, '0')}`, a: items[0].id, b: items[1].id }));
    const d = buildDesign(items, pairs, [], budget, 7);
    expect(d.slots.length).toBe(Math.ceil((items.length * 3) / 24));
    checkBalanced(items, d);
    expect(validate('survey-design', d)).toEqual([]);
    // Pairs dealt in turn: each used floor or ceil of slots*3/20 times.
    const used = new Map<string, number>();
    for (const s of d.slots) for (const p of s.pairs) used.set(p, (used.get(p) ?? 0) + 1);
    expect(Math.max(...used.values()) - Math.min(...used.values())).toBeLessThanOrEqual(1);
    expect(d.slots.every((s) => s.dialogue === null)).toBe(true);
    expect(buildDesign(items, pairs, [], budget, 7)).toEqual(d);
    expect(buildDesign(items, pairs, [], budget, 8).slots.map((s) => s.items)).not.toEqual(d.slots.map((s) => s.items));
  });

  it('holds for awkward sizes: fewer items than the budget, K larger than the items per slot, one method', () => {
    for (const [methods, inputs, perRater, k] of [
      [['a'], 1, 24, 3],
      [['a', 'b'], 3, 5, 4],
      [['a', 'b', 'c'], 7, 10, 3],
      [['a', 'b', 'c', 'd'], 5, 7, 2],
    ] as const) {
      const items = designItems(methods, inputs);
      const d = buildDesign(items, [], [], { ...budget, perRater, ratersPerItem: k }, 1);
      expect(d.slots.length).toBeGreaterThanOrEqual(k);
      checkBalanced(items, d);
    }
  });
});
