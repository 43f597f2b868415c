/**
 * The "feature removed" input that path and occlusion methods compare against: the task's own baseline
 * (what the task defines as absent, e.g. the training mean for standardised tabular data) or all zeros.
 */
import type { TaskView } from '../../datasets/task.js';
import { oneOf } from '../../core/params.js';

export type BaselineChoice = 'task' | 'zero';

export const baselineParam = (what: string) =>
  oneOf(['task', 'zero'] as const, 'task', `${what}: 'task' = the task's removed-feature baseline, 'zero' = all zeros`);

export function baselineInput(task: TaskView, choice: BaselineChoice, size: number): Float32Array {
  if (choice === 'zero') return new Float32Array(size);
  if (task.baseline.length !== size) {
    throw new RangeError(`task ${task.id}: baseline has ${task.baseline.length} values, inputs have ${size}`);
  }
  return task.baseline;
}
