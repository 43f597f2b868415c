/**
 * Training-seed replicates: the zoo trains some models with several seeds (datasets/zoo-spec.ts names
 * seed s of model `m` `m-s<s>`). They are replicates of one model on one data set, not separate tasks,
 * so group aggregates average a task with its replicates before averaging over data sets; otherwise a
 * data set trained three times would weigh three times.
 */

const REPLICATE = /^(.+)-s(\d+)$/;

/**
 * Data set -> its tasks (the base task first, then replicates by seed). A task `x-s<N>` is a replicate
 * of `x` only when `x` itself is among `tasks`, so `mnist-cnn-deep` stays its own data set.
 */
export function replicateGroups(tasks: readonly string[]): Map<string, string[]> {
  const present = new Set(tasks);
  const groups = new Map<string, { task: string; seed: number }[]>();
  for (const task of tasks) {
    const m = REPLICATE.exec(task);
    const base = m && present.has(m[1]) ? m[1] : task;
    const seed = m && base !== task ? Number(m[2]) : 1;
    groups.set(base, [...(groups.get(base) ?? []), { task, seed }]);
  }
  const out = new Map<string, string[]>();
  for (const base of [...groups.keys()].sort()) {
    out.set(base, groups.get(base)!.sort((a, b) => a.seed - b.seed).map((g) => g.task));
  }
  return out;
}
