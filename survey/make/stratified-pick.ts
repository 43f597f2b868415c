/** Which inputs of a task a packet shows. */
import { rngFor } from '../../core/rng.js';

/** Instances stratified by predicted class: one per class in turn, each class in a seeded order. */
export function stratifiedPick(instances: readonly { id: string; target: number }[], n: number, seed: number, task: string): string[] {
  const byClass = new Map<number, string[]>();
  for (const i of [...instances].sort((a, b) => (a.id < b.id ? -1 : 1))) byClass.set(i.target, [...(byClass.get(i.target) ?? []), i.id]);
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const queues = classes.map((c) => {
    const ids = byClass.get(c)!;
    return rngFor(seed, 'survey', 'pick', task, c)
      .permutation(ids.length)
      .map((k) => ids[k]);
  });
  const out: string[] = [];
  for (let round = 0; out.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (round < q.length && out.length < n) out.push(q[round]);
  }
  return out;
}
