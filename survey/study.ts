/**
 * A study folder as ingest hands it to scoring: the items and raters, the ratings that count (excluded
 * raters and skipped comparisons already left out, protocol coercions applied), and what was noted.
 */
import type { Instrument } from '../metrics/human/questionnaires.js';
import type { ControlType } from './study-files.js';

export interface StudyItem {
  readonly id: string;
  readonly method: string;
  readonly control: ControlType | null;
  /** dataset|model|instance: items of different methods on the same instance are paired. */
  readonly instance: string | null;
  readonly language: string | null;
}

export interface StudyRater {
  readonly id: string;
  readonly group: string | null;
  readonly excluded: boolean;
}

export interface SsaRating {
  readonly rater: string;
  readonly item: string;
  readonly method: string;
  readonly sensible: 0 | 1;
  readonly specific: 0 | 1;
}

export interface LikertRating {
  readonly rater: string;
  readonly group: string | null;
  /** null for system-level questionnaires. */
  readonly item: string | null;
  readonly method: string;
  readonly instrument: Instrument;
  readonly question: string;
  /** On the agree-high coding; null when empty (missing). */
  readonly response: number | null;
  readonly phase: string;
  readonly language: string | null;
}

export type PreferenceOutcome = 'a' | 'b' | 'tie' | 'skip';

export interface Preference {
  readonly rater: string;
  readonly methodA: string;
  readonly methodB: string;
  readonly criterion: string;
  readonly outcome: PreferenceOutcome;
}

export interface StudySession {
  readonly id: string;
  readonly user: string;
  readonly method: string;
  /** Turns after the cap. */
  readonly turns: number;
  readonly language: string | null;
}

export interface Study {
  readonly dir: string;
  readonly studyId: string;
  readonly simulated: boolean;
  readonly items: ReadonlyMap<string, StudyItem>;
  readonly raters: ReadonlyMap<string, StudyRater>;
  readonly ssa: readonly SsaRating[];
  readonly likert: readonly LikertRating[];
  readonly preferences: readonly Preference[];
  readonly sessions: readonly StudySession[];
  /** The single idle timeout and turn cap of the sessions (null without sessions.csv). */
  readonly cps: { readonly idleTimeoutS: number; readonly maxTurns: number } | null;
  /** Files read, in order. */
  readonly files: readonly string[];
  /** Coercions, exclusions and missing values, each once with its count and first lines. */
  readonly notes: readonly string[];
}
