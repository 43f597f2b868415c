/** The files of a study folder and their columns (docs/formats.md, Survey files). */
import type { ColumnSpec } from './csv-file.js';

export const STUDY_FILES = {
  raters: 'raters.csv',
  items: 'items.csv',
  ssa: 'ssa_ratings.csv',
  likert: 'likert_ratings.csv',
  pairwise: 'pairwise_prefs.csv',
  sessions: 'sessions.csv',
} as const;

export const COLUMNS: Record<keyof typeof STUDY_FILES, ColumnSpec> = {
  raters: {
    required: ['study_id', 'rater_id', 'consent', 'excluded'],
    optional: ['rater_pool', 'expertise', 'age_band', 'grade', 'language', 'assent', 'group_id', 'exclusion_reason'],
  },
  items: {
    required: ['study_id', 'item_id', 'method_id', 'is_control', 'control_type'],
    optional: ['dataset_id', 'model_id', 'instance_id', 'method_version', 'explanation_format', 'artifact_sha256', 'language'],
  },
  ssa: {
    required: ['study_id', 'rater_id', 'item_id', 'method_id', 'question', 'label'],
    optional: ['context_shown', 'position', 'timestamp', 'session_id', 'turn_index'],
  },
  likert: {
    required: [
      'study_id',
      'rater_id',
      'method_id',
      'instrument_id',
      'instrument_version',
      'question_id',
      'response',
      'scale_min',
      'scale_max',
      'scale_direction',
      'reverse_keyed',
      'phase',
    ],
    optional: ['session_id', 'group_id', 'item_id', 'response_raw', 'language', 'timestamp'],
  },
  pairwise: {
    required: ['study_id', 'rater_id', 'comparison_id', 'method_a', 'method_b', 'criterion', 'outcome'],
    optional: ['item_id', 'shown_left', 'timestamp'],
  },
  sessions: {
    required: [
      'study_id',
      'session_id',
      'user_id',
      'method_id',
      'n_user_msgs',
      'n_system_msgs',
      'n_turns',
      'ended_by',
      'idle_timeout_s',
      'max_turns',
    ],
    optional: ['agent_version', 'task_id', 'start_time', 'end_time', 'language'],
  },
};

/** Control method ids (docs/formats.md, Survey files) and the control_type each must carry in items.csv. */
export const CONTROL_TYPES = { 'control-constant': 'constant', 'control-random': 'random', 'control-human': 'human_reference' } as const;
export type ControlType = (typeof CONTROL_TYPES)[keyof typeof CONTROL_TYPES];

/** A study is simulated when its id says so; simulated data is marked wherever it appears. */
export function isSimulatedStudy(studyId: string): boolean {
  return /simulated/i.test(studyId);
}
