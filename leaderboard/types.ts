/**
 * The leaderboard (`xai-bench/leaderboard@1`, docs/formats.md ("Leaderboard")): everything here is recomputed
 * from per-sample values by aggregate(); nothing is copied from a record's own mean or n.
 * JSON Schema: schemas/leaderboard.schema.json.
 */
import type { Criterion, Direction } from '../metrics/types.js';
import type { OutputKind } from '../core/model.js';
import type { RunStatus } from '../runner/run-info.js';
import type { ProtectedEvidence } from './protected/evidence-types.js';

export const LEADERBOARD_SCHEMA = 'xai-bench/leaderboard@1';

export type ParamRecord = Readonly<Record<string, number | string | boolean>>;

export interface RunProvenance {
  readonly id: string;
  readonly profile: string;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly commit: string | null;
  readonly status: RunStatus;
}

export interface Provenance {
  readonly runs: readonly RunProvenance[];
  /** Bootstrap resamples per (task, metric). */
  readonly resamples: number;
  /** Seed of the bootstrap streams (bootstrapStreamKey in core/streams.ts: 'bootstrap', task, metric). */
  readonly bootstrapSeed: number;
  /** Confidence level of every interval. */
  readonly confidence: number;
  readonly method: 'paired-bootstrap-percentile';
}

export interface MetricEntry {
  readonly explainer: string;
  /** Mean of the non-null per-sample values; null when there are none. */
  readonly mean: number | null;
  /** 95% percentile bootstrap interval of the mean; null when n < 2. */
  readonly ci: readonly [number, number] | null;
  /** Non-null values. */
  readonly n: number;
  /** Null values (could not be computed), and their reasons as the records counted them. */
  readonly nulls: number;
  readonly nullReasons: Readonly<Record<string, number>>;
  /**
   * Competition rank (1 = best) in the metric's direction among the ranked entries; null for descriptive
   * metrics, no values, or a home-advantage pair left out of the ranking (`homeAdvantage`).
   */
  readonly rank: number | null;
  /**
   * Set when the metric is this explainer's own objective (home-advantage.ts): why, and whether the
   * entry was ranked anyway (`aggregate --include-home-advantage`).
   */
  readonly homeAdvantage: { readonly reason: { readonly en: string; readonly ko: string }; readonly ranked: boolean } | null;
  /** Explainers whose paired-difference interval contains 0 (or with < 2 shared samples). */
  readonly tiedWith: readonly string[];
  readonly output: OutputKind;
  readonly explainerParams: ParamRecord;
  /** Runs whose records contributed. */
  readonly runs: readonly string[];
}

export interface MetricBoard {
  readonly metric: string;
  readonly criterion: Criterion;
  readonly direction: Direction;
  readonly params: ParamRecord;
  /** Distinct sample ids evaluated by any explainer. */
  readonly sampleCount: number;
  /** Explainers that received a rank (k in the criterion score). */
  readonly ranked: number;
  readonly entries: readonly MetricEntry[];
}

export interface CriterionScore {
  readonly explainer: string;
  /** Mean of (k - rank) / (k - 1) over `metrics`; null when the explainer has none of them. */
  readonly score: number | null;
  readonly metrics: readonly string[];
}

export interface CriterionBoard {
  readonly criterion: Criterion;
  /** The comparison group (explainer family) whose explainers these scores rank among. */
  readonly group: string;
  /** The metrics of this criterion ranking at least 2 of the group's explainers on this task. */
  readonly metrics: readonly string[];
  readonly scores: readonly CriterionScore[];
}

export interface TaskBoard {
  readonly task: string;
  readonly modelHash: string;
  readonly datasetHash: string;
  readonly explainers: readonly string[];
  readonly metrics: readonly MetricBoard[];
  readonly criteria: readonly CriterionBoard[];
  /** The sanity badges of every explainer of the task (sanity-badges.ts). */
  readonly sanity: readonly SanityBadges[];
}

// ---- Sanity badges: every explainer gets one per check, whatever its outcome.

/**
 * passed: the whole 95% interval of the mean similarity lies below the threshold (the explanation
 * changed when the weights or the class did); failed: the whole interval lies at or above it;
 * inconclusive: the interval contains the threshold, or a single value has no interval;
 * not-applicable: no value (the check was not run, does not score this explainer, or every value is null).
 */
export type SanityStatus = 'passed' | 'failed' | 'inconclusive' | 'not-applicable';

export interface SanityCheck {
  /** The sanity metric: `mprt` (model parameter randomisation) or `random-logit`. */
  readonly metric: string;
  readonly status: SanityStatus;
  /** Mean similarity between the explanation and the re-explanation (lower = the check passes). */
  readonly mean: number | null;
  readonly ci: readonly [number, number] | null;
  readonly n: number;
  /** Fraction of samples whose own similarity is below the threshold. */
  readonly passRate: number | null;
  /** The metric's declared pass threshold, as run. */
  readonly threshold: number | null;
  /** The similarity measure, as run (e.g. spearman). */
  readonly similarity: string | null;
  /** Why the status is inconclusive or not-applicable; null otherwise. */
  readonly reason: string | null;
}

export interface SanityBadges {
  readonly explainer: string;
  /** One per sanity metric, in the order mprt, random-logit. */
  readonly checks: readonly SanityCheck[];
}

// ---- The meta section: evaluating the metrics themselves. Every correlation is computed on
// explainer means oriented so that higher = better in each metric's own direction; every null says why.

export interface MetricPairAgreement {
  readonly task: string;
  readonly criterion: Criterion;
  readonly metricA: string;
  readonly metricB: string;
  /** Explainers with a mean on both metrics (the items ranked). */
  readonly explainers: number;
  /** Spearman's rho between the two metrics' explainer rankings (average ranks for ties). */
  readonly spearmanRho: number | null;
  /** Kendall's tau-b between the two rankings (corrected for ties). */
  readonly kendallTauB: number | null;
  readonly reason: string | null;
}

export interface CriterionAgreement {
  readonly criterion: Criterion;
  /** Tasks with at least one defined pair. */
  readonly tasks: number;
  /** Defined pairs over all tasks. */
  readonly pairs: number;
  /** Mean over tasks of each task's mean over its metric pairs (tasks weigh equally). */
  readonly meanSpearmanRho: number | null;
  readonly meanKendallTauB: number | null;
}

export interface InterSampleReliability {
  readonly task: string;
  readonly metric: string;
  readonly criterion: Criterion;
  /** Samples ranking at least two explainers (the raters). */
  readonly samples: number;
  /** Explainers ranked by at least one sample (the units). */
  readonly explainers: number;
  /**
   * Krippendorff's alpha at the ordinal level with samples as raters and explainers as units: each
   * sample's values turned into ranks of the explainers (1 = best, average ranks for ties). 1 = every
   * sample orders the explainers alike; 0 = no more agreement than chance (Tomsett et al. 2020).
   */
  readonly krippendorffAlphaOrdinal: number | null;
  readonly reason: string | null;
}

export interface MetricReliabilitySummary {
  readonly metric: string;
  /** Tasks with a defined alpha. */
  readonly tasks: number;
  readonly meanKrippendorffAlphaOrdinal: number | null;
}

export interface InternalConsistency {
  readonly task: string;
  readonly criterion: Criterion;
  /**
   * The items: metrics of the criterion's score on this task that score the same explainers (one entry
   * per such group of at least two: attribution metrics and rule metrics are separate groups).
   */
  readonly metrics: readonly string[];
  /** Observations: (explainer, sample) pairs with a value on every item. */
  readonly observations: number;
  /**
   * Standardised Cronbach's alpha of the items (each metric z-scored over the observations and oriented
   * so higher = better): whether the criterion's metrics measure one thing (Tomsett et al. 2020).
   */
  readonly cronbachAlphaStandardised: number | null;
  readonly reason: string | null;
}

export interface VariantSensitivity {
  readonly task: string;
  readonly metric: string;
  /** The overridden parameters (e.g. {baseline: 'zero'}). */
  readonly variant: ParamRecord;
  /** `baseline=zero`. */
  readonly label: string;
  /** Explainers with a mean under both settings. */
  readonly explainers: number;
  /** Kendall's tau-b between the explainer ranking under the run's own setting and under the variant (1 = unmoved). */
  readonly kendallTauB: number | null;
  /** Whether the best explainers (rank 1, ties included) are the same under both settings. */
  readonly sameBest: boolean | null;
  readonly reason: string | null;
}

export interface VariantSummary {
  readonly metric: string;
  readonly variant: ParamRecord;
  readonly label: string;
  /** Tasks with a defined tau. */
  readonly tasks: number;
  readonly meanKendallTauB: number | null;
}

export interface MetaSection {
  /** How far the metrics of one criterion agree on the ranking of explainers. */
  readonly agreement: { readonly pairs: readonly MetricPairAgreement[]; readonly byCriterion: readonly CriterionAgreement[] };
  /** Reliability across samples (inter-sample) and across the metrics of one criterion (internal consistency). */
  readonly reliability: {
    readonly interSample: readonly InterSampleReliability[];
    readonly interSampleByMetric: readonly MetricReliabilitySummary[];
    readonly internalConsistency: readonly InternalConsistency[];
  };
  /** How far the ranking moves when a metric's own setting changes (the profile's metricVariants). */
  readonly sensitivity: { readonly variants: readonly VariantSensitivity[]; readonly byVariant: readonly VariantSummary[] };
}

export interface Leaderboard {
  readonly schema: typeof LEADERBOARD_SCHEMA;
  readonly generatedAt: string;
  /** The profile every run used; null when runs of several profiles were merged (see `profiles`). */
  readonly profile: string | null;
  readonly profiles: readonly string[];
  readonly provenance: Provenance;
  readonly tasks: readonly TaskBoard[];
  /**
   * Criterion and overall scores, one comparison group (explainer family) at a time: never one ranking
   * across groups. Absent from leaderboards made before groups existed.
   */
  readonly groups?: readonly GroupBoard[];
  /** The rules and thresholds behind `groups`, in words and numbers. */
  readonly rules?: AggregationRules;
  /** Survey results merged by `aggregate --human`; null when no study was given. */
  readonly human: HumanSection | null;
  /** Protected-attribute evidence of the high-stakes tasks (leaderboard/protected/); null when none ran. */
  readonly protected: ProtectedEvidence | null;
  /** Evaluating the metrics themselves: agreement, reliability, sensitivity to their settings. */
  readonly meta: MetaSection;
}

// ---- The human section: one entry per survey study, as `survey score` writes it to
// STUDY_OUT/human.json (`xai-bench/human@1`, schemas/human.schema.json).

export const HUMAN_SCHEMA = 'xai-bench/human@1';

export type HumanMetric =
  | 'ssa'
  | 'sensibleness'
  | 'specificity'
  | 'ssa_soft'
  | 'sensibleness_soft'
  | 'specificity_soft'
  | 'ess'
  | 'trust'
  | 'scs'
  | 'bt_strength'
  | 'cps';

export type ResamplingUnit = 'items' | 'raters' | 'groups' | 'users' | 'comparisons';

export interface HumanAgreementValue {
  readonly stat: 'krippendorff-alpha' | 'fleiss-kappa' | 'icc';
  /** Alpha's level (nominal, ordinal, ...) or the ICC form. */
  readonly level: string;
  /** null when undefined on these data (the reason is in `note`). */
  readonly value: number | null;
  readonly nUnits: number;
}

export interface HumanValue {
  readonly metric: HumanMetric;
  /** Instrument version for questionnaires (ESS-2018-8, ESS-2023-9, TRUST-2018-8, SCS-2020-10). */
  readonly instrument: string | null;
  /** Questionnaire phase (pre_discussion, post_discussion, ...): phases are never pooled. */
  readonly phase: string | null;
  /** Focus group of a per-group value; null for the pooled value. */
  readonly group: string | null;
  /** Pairwise-preference criterion (bt_strength). */
  readonly criterion: string | null;
  /** `descriptive` values (CPS) are shown, never ranked by themselves. */
  readonly direction: 'higher' | 'descriptive';
  /** Weight in the criteria explorer unless a user chooses otherwise (0 for descriptive values). */
  readonly defaultWeight: number;
  readonly value: number | null;
  readonly ci: readonly [number, number] | null;
  /** bca | percentile (bootstrap) or wald (Bradley-Terry). */
  readonly ciMethod: string;
  readonly unit: ResamplingUnit;
  /** Resampling units behind the value and its interval. */
  readonly n: number;
  readonly nItems: number;
  readonly nRaters: number;
  readonly nObs: number;
  readonly agreement: HumanAgreementValue | null;
  readonly notes: string;
}

export interface HumanMethodEntry {
  /** The explainer id (or a control id), so ratings join onto the automated metrics. */
  readonly method: string;
  readonly control: 'constant' | 'random' | 'human_reference' | null;
  readonly values: readonly HumanValue[];
}

export interface HumanAgreement extends HumanAgreementValue {
  readonly metric: string;
  readonly instrument: string | null;
  readonly phase: string | null;
  /** null for the value pooled over methods. */
  readonly method: string | null;
  readonly note: string;
}

export interface HumanPair {
  readonly metric: HumanMetric;
  readonly instrument: string | null;
  readonly phase: string | null;
  readonly criterion: string | null;
  readonly methodA: string;
  readonly methodB: string;
  /** Mean paired difference a − b (β_a − β_b for Bradley-Terry). */
  readonly diff: number;
  readonly ci: readonly [number, number] | null;
  readonly test: 'sign-flip' | 'wilcoxon-signed-rank' | 'wald-z';
  /** The test whose adjusted p decides `better`. */
  readonly primary: boolean;
  readonly statistic: number;
  readonly pRaw: number;
  readonly pHolm: number;
  readonly familySize: number;
  readonly n: number;
  readonly unit: ResamplingUnit;
  /** The better method, only when the primary test's Holm-adjusted p <= alpha; otherwise null. */
  readonly better: string | null;
}

export interface HumanStudy {
  readonly schema: typeof HUMAN_SCHEMA;
  readonly studyId: string;
  /** True when the study_id says the ratings are simulated: never shown as real. */
  readonly simulated: boolean;
  readonly settings: {
    readonly seed: number;
    readonly resamples: number;
    readonly confidence: number;
    readonly ciMethod: 'bca' | 'percentile';
    readonly ssaTieRule: 'zero' | 'one';
    readonly primaryTest: 'sign-flip';
    /** Significance level of the Holm-adjusted tests. */
    readonly alpha: number;
    readonly cps: { readonly turnConvention: 'exchange'; readonly idleTimeoutS: number; readonly maxTurns: number } | null;
  };
  readonly counts: {
    readonly items: number;
    readonly raters: number;
    readonly ssaVotes: number;
    readonly likertResponses: number;
    readonly preferences: number;
    readonly sessions: number;
  };
  readonly methods: readonly HumanMethodEntry[];
  /** The control conditions (constant, random, human reference), reported apart from methods. */
  readonly controls: readonly HumanMethodEntry[];
  readonly agreement: readonly HumanAgreement[];
  readonly pairwise: readonly HumanPair[];
  readonly notes: readonly string[];
}

export interface HumanSection {
  readonly studies: readonly HumanStudy[];
}

// ---- Comparison groups: aggregates that compare only what is comparable.

export interface AggregationRules {
  /** Explainers are ranked only against explainers of the same family. */
  readonly comparisonGroup: string;
  /** Share of the group's (data set x metric) cells an explainer needs a value for to be ranked. */
  readonly minCoverage: number;
  /** A group with fewer ranked explainers shows values without ranks. */
  readonly minRanked: number;
  /** How training-seed replicates are merged. */
  readonly seedReplicates: string;
  /** How scores are made from ranks. */
  readonly scores: string;
  /** How intervals and ties of aggregates are found. */
  readonly intervals: string;
  /** Home-advantage pairs: included in ranks and scores, or not (the default). */
  readonly homeAdvantage: { readonly included: boolean; readonly rule: string };
  /** Bootstrap resamples of the group aggregates (shipped as `replicates`). */
  readonly groupResamples: number;
}

export interface GroupExplainer {
  readonly explainer: string;
  /** Cells of the group it has a value for, of `GroupBoard.cells`. */
  readonly covered: number;
  readonly coverage: number;
  /** Whether it is ranked (coverage >= minCoverage and the group has >= minRanked such explainers). */
  readonly ranked: boolean;
  /** Why it is not ranked; null when it is. */
  readonly reason: string | null;
}

export interface GroupScore {
  readonly explainer: string;
  /** Point estimate: mean over data sets (seed replicates merged first) of the per-task score. */
  readonly score: number | null;
  /** 95% percentile interval over the bootstrap replicates; null with no score or no spread to sample. */
  readonly ci: readonly [number, number] | null;
  /** Competition rank (1 = best) by point score among ranked explainers; null where the group is unranked. */
  readonly rank: number | null;
  /** Explainers whose paired replicate difference interval contains 0. */
  readonly tiedWith: readonly string[];
  /** Data sets the score averages over. */
  readonly datasets: number;
}

export interface GroupCriterion {
  readonly criterion: Criterion;
  /** Metrics of this criterion that rank at least 2 of the group's explainers on some task. */
  readonly metrics: readonly string[];
  readonly scores: readonly GroupScore[];
}

export interface SeedStability {
  readonly dataset: string;
  /** The task of each training seed, in seed order. */
  readonly tasks: readonly string[];
  /** Per ranked explainer, its overall rank on each seed's task (null where it has no score there). */
  readonly ranks: readonly { readonly explainer: string; readonly ranks: readonly (number | null)[] }[];
}

export interface GroupBoard {
  readonly group: string;
  readonly explainers: readonly GroupExplainer[];
  /** Data sets (a task and its training-seed replicates count once), sorted. */
  readonly datasets: readonly string[];
  /** Data set -> its tasks (the base task first). */
  readonly replicatesOf: Readonly<Record<string, readonly string[]>>;
  /** (data set x metric) cells scored for any explainer of the group. */
  readonly cells: number;
  /** False when fewer than minRanked explainers qualify: values are shown without ranks. */
  readonly ranked: boolean;
  readonly criteria: readonly GroupCriterion[];
  /** Equal-weight mean over the criteria with a score (the explorer's Balanced preset). */
  readonly overall: readonly GroupScore[];
  /** How far each explainer's overall rank moves between training seeds of one data set. */
  readonly seedStability: readonly SeedStability[];
  /**
   * Bootstrap replicates of the criterion scores of the ranked explainers, so a reader's own weights get
   * an interval: values[b][i][j] is replicate b's score of explainers[i] on criteria[j] (null: none).
   */
  readonly replicates: {
    readonly explainers: readonly string[];
    readonly criteria: readonly Criterion[];
    readonly values: readonly (readonly (readonly (number | null)[])[])[];
  } | null;
}
