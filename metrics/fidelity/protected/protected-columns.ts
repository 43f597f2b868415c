/** The model-input columns of a task's protected attribute (one for binary coding, one per level for one-hot). */
import type { ProtectedAttribute } from '../../../datasets/task.js';

export function protectedColumns(attr: ProtectedAttribute): readonly number[] {
  return attr.columns ?? [attr.feature];
}

export const NO_PROTECTED = 'the task has no protected attribute';
