/** What the drafts of one task share (built by task-drafts.ts, read by the input, method and control drafts). */
import type { Task } from '../../datasets/task.js';
import type { Engine } from '../../core/engine.js';
import type { AnySample } from '../../runner/explanation-record.js';

export interface TaskDrafting {
  readonly taskId: string;
  readonly task: Task;
  readonly engine: Engine;
  readonly datasetId: string;
  readonly modelId: string;
  /** Samples by explainer id, then by sample id. */
  readonly samples: ReadonlyMap<string, ReadonlyMap<string, AnySample>>;
  /** The methods rated, and their families (sorted). */
  readonly methods: readonly string[];
  readonly families: readonly string[];
  familyOf(explainer: string): string;
}
