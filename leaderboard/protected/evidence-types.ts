/**
 * The protected-attribute evidence of a run (`xai-bench/protected-evidence@1`, docs/formats.md): per
 * task the model's measured dependence on its protected attribute, per explainer whether its
 * explanations reveal that dependence (detection score on the synthetic pair, rank correlation with the
 * measured effect across tasks and seeds), and per (task, explainer, metric) the gap in explanation
 * quality between protected groups.
 */
import type { InterventionalEffect } from '../../metrics/fidelity/protected/interventional-effect.js';
import type { GroupSummary } from '../../metrics/fidelity/protected/group-gap.js';
import type { Interval } from '../../metrics/fidelity/protected/resample-mean.js';
import type { Bilingual } from '../../explainers/types.js';

export const PROTECTED_EVIDENCE_SCHEMA = 'xai-bench/protected-evidence@1';

export interface TaskEvidence {
  readonly task: string;
  readonly dataset: string;
  readonly attribute: string;
  readonly levels: readonly string[];
  /** The generator's log-odds coefficient (synthetic data); null on real data, where it is unknown. */
  readonly trueEffect: number | null;
  readonly favourableClass: string;
  /** Measured on the whole test split. */
  readonly effect: InterventionalEffect;
  /** Test rows per level. */
  readonly groupSizes: readonly number[];
}

export interface DetectionEvidence {
  readonly explainer: string;
  /** AUROC of the attribute's attribution share, biased-model explanations against fair-model ones. */
  readonly score: Interval;
  readonly biased: number;
  readonly fair: number;
}

export interface TrackingEvidence {
  readonly explainer: string;
  /** Spearman correlation between the mean attribution share and the largest |log-odds effect| over (task) cells. */
  readonly spearman: number | null;
  readonly cells: number;
}

export interface GroupGapEvidence {
  readonly task: string;
  readonly explainer: string;
  readonly metric: string;
  readonly groups: readonly GroupSummary[];
  readonly gap: Interval | null;
}

/** One reviewer requirement derived by a written rule (reviewer-requirements.ts), the rule beside it. */
export interface Requirement {
  readonly rule: 'dependence' | 'audit-explainers' | 'group-quality';
  /** The rule as written, so a reader can check the derivation. */
  readonly ruleText: Bilingual;
  readonly subject: string;
  readonly text: Bilingual;
}

/** What was measured, before any rule is applied. */
export interface MeasuredEvidence {
  readonly schema: typeof PROTECTED_EVIDENCE_SCHEMA;
  readonly tasks: readonly TaskEvidence[];
  readonly detection: readonly DetectionEvidence[];
  readonly tracking: readonly TrackingEvidence[];
  readonly groupGaps: readonly GroupGapEvidence[];
}

export interface ProtectedEvidence extends MeasuredEvidence {
  /** Derived from the measurements by the written rules. */
  readonly requirements: readonly Requirement[];
}
