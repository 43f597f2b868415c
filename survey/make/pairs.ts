/** Pairs: every two methods on the same input (controls are not paired), in a seeded order. */
import { rngFor } from '../../core/rng.js';
import type { PacketItem, PacketPair } from '../packet.js';
import { pad } from './blinding.js';

export function pairsOf(items: readonly PacketItem[], seed: number): PacketPair[] {
  const pairs: PacketPair[] = [];
  const byInstance = new Map<string, PacketItem[]>();
  for (const it of items) {
    if (it.control === null) byInstance.set(`${it.task}|${it.instance}`, [...(byInstance.get(`${it.task}|${it.instance}`) ?? []), it]);
  }
  for (const key of [...byInstance.keys()].sort()) {
    const list = byInstance.get(key)!.sort((a, b) => (a.method < b.method ? -1 : 1));
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) pairs.push({ id: `c-${pad(pairs.length + 1)}`, a: list[i].id, b: list[j].id });
  }
  const pairOrder = rngFor(seed, 'survey', 'pairs').permutation(pairs.length);
  return pairOrder.map((k, n) => ({ ...pairs[k], id: `c-${pad(n + 1)}` }));
}
