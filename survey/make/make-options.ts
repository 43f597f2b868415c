/** The options of `survey make`. */
import type { Audience } from '../audience.js';
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
  /** SSA items per rater (the design's block size). */
  readonly perRater: number;
  /** Raters per item (K). */
  readonly ratersPerItem: number;
  /** Dialogues per rater, 0 or 1. */
  readonly dialoguesPerRater: number;
  /** Who rates: decides which tasks and families are shown and how long texts are. */
  readonly audience: Audience;
  readonly instruments: readonly string[];
  readonly maxTurns: number;
  readonly idleTimeoutS: number;
  /** CSV with task,instance_id,text_en,text_ko: human-written reference explanations (control-human items). */
  readonly references?: string;
}

/** What a caller gives: the budget and the audience may be left to their defaults. */
export type MakeRequest = Omit<MakeOptions, 'perRater' | 'ratersPerItem' | 'dialoguesPerRater' | 'audience'> &
  Partial<Pick<MakeOptions, 'perRater' | 'ratersPerItem' | 'dialoguesPerRater' | 'audience'>>;

/** 24 items take about 12 minutes; with 3 pairs, a dialogue and a questionnaire a session is 15-20 minutes. */
export const DEFAULT_PER_RATER = 24;
/** Three raters per item: the fewest for which a strict majority and the agreement statistics mean something. */
export const DEFAULT_RATERS_PER_ITEM = 3;

export function withDefaults(r: MakeRequest): MakeOptions {
  return {
    ...r,
    perRater: r.perRater ?? DEFAULT_PER_RATER,
    ratersPerItem: r.ratersPerItem ?? DEFAULT_RATERS_PER_ITEM,
    dialoguesPerRater: r.dialoguesPerRater ?? 1,
    audience: r.audience ?? 'adults',
  };
}
