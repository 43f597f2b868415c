/** The protected attribute's level of every test row of a task (binary: raw >= 0.5; one-hot: the largest column). */
import type { Task } from '../../datasets/task.js';
import { levelOf } from '../../datasets/typed-features.js';

export function testRowLevels(task: Pick<Task, 'protectedAttribute' | 'scale' | 'test'>): number[] {
  const attr = task.protectedAttribute;
  if (!attr) throw new RangeError('testRowLevels: the task has no protected attribute');
  const levels = attr.levels ?? ['0', '1'];
  const columns = attr.columns ?? [attr.feature];
  const f = { kind: 'categorical' as const, name: attr.name, levels, encoding: columns.length > 1 ? ('one-hot' as const) : ('binary' as const), columns };
  const x = task.test.x;
  const d = x.data.length / x.n;
  return Array.from({ length: x.n }, (_, i) => levelOf(task, f, x.data.subarray(i * d, (i + 1) * d)));
}
