/**
 * What a family renderer draws of its explanations for a run: text for the families whose explainers
 * do not write their own, and pictures for the run's artifacts folder.
 */
import type { OutputKind } from '../../core/model.js';
import type { TaskView } from '../../datasets/task.js';
import type { Bilingual } from '../../explainers/types.js';
import type { AnySample } from '../explanation-record.js';

/** What a renderer knows of the explanation besides the sample: the task and what was explained. */
export interface RenderView {
  readonly task: TaskView;
  readonly output: OutputKind;
}

/** One picture of an explanation, saved as `<sampleId><suffix>.png`. */
export interface Picture {
  readonly suffix: string;
  readonly data: Uint8Array;
}

export interface FamilyRenderer<S extends AnySample = AnySample> {
  /** Text of a sample whose explainer gives none (`input` is the explained sample, in model-input space). */
  text?(sample: S, input: Float32Array, view: RenderView): Bilingual;
  /** Pictures of a sample of an image task. */
  pictures?(sample: S, input: Float32Array, view: RenderView): Picture[];
}
