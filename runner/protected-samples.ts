/**
 * How many inputs a task with a binary protected attribute explains so that each group has enough of
 * them for its per-group means and the group gaps (leaderboard/protected/): the shortest prefix of the
 * task's sample ids, no shorter than the profile's count, in which each of the two groups has
 * `minPerGroup` inputs. On the real high-stakes tasks the ids are dealt by group (task-from-dataset.ts),
 * so 2 × minPerGroup suffices; on the synthetic hiring pair the ids are a plain permutation and a few
 * more are needed. Other tasks (no protected attribute, or more than two levels) keep the count.
 */
import type { Task } from '../datasets/task.js';
import { testRowLevels } from '../leaderboard/protected/row-levels.js';

export function inputCount(task: Task, samplesPerTask: number | 'all', minPerGroup?: number): number {
  const all = task.test.x.n;
  const base = samplesPerTask === 'all' ? all : Math.min(samplesPerTask, all);
  const attr = task.protectedAttribute;
  if (!minPerGroup || base === all || !attr || (attr.levels ?? ['0', '1']).length !== 2) return base;
  const levels = testRowLevels(task);
  const ids = task.sampleIds(all);
  const counts = [0, 0];
  for (let i = 0; i < ids.length; i++) {
    counts[levels[task.sampleIndex(ids[i])]]++;
    if (counts[0] >= minPerGroup && counts[1] >= minPerGroup) return Math.max(base, i + 1);
  }
  // A group smaller than the minimum: every test row.
  return all;
}
