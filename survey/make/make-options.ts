/** The options of `survey make`. */
import type { Lang } from '../packet.js';

export interface MakeOptions {
  readonly run: string;
  readonly out: string;
  /** Explainer ids (any family) to rate; default every explainer of the run but `random`. */
  readonly methods?: readonly string[];
  readonly tasks?: readonly string[];
  /** Inputs per task. */
  readonly items: number;
  readonly languages: readonly Lang[];
  readonly seed: number;
  readonly studyId?: string;
  readonly pairsPerRater: number;
  readonly instruments: readonly string[];
  readonly maxTurns: number;
  readonly idleTimeoutS: number;
  /** CSV with task,instance_id,text_en,text_ko: human-written reference explanations (control-human items). */
  readonly references?: string;
}
