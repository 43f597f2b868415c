/**
 * Aggregation of result records into the leaderboard (docs/principles.md (principle 4)): means, intervals, ranks,
 * ties and criterion scores are all recomputed here from per-sample values; a record's own mean and n
 * are never read. Deterministic: same records and seed give the same leaderboard (up to generatedAt).
 */
import { UserError } from '../core/errors.js';
import type { ResultRecord } from '../runner/result-record.js';
import type { RunInfo } from '../runner/run-info.js';
import { validate } from '../core/schemas.js';
import { bootstrapStreamKey } from '../core/streams.js';
import { CONFIDENCE, DEFAULT_RESAMPLES, pairedBootstrap } from '../numeric/bootstrap.js';
import { mergeCells, type MergedCell } from './merge.js';
import { metricAgreement } from './meta-agreement.js';
import { metricReliability } from './meta-reliability.js';
import { settingSensitivity } from './meta-sensitivity.js';
import { competitionRanks, CRITERIA, criterionScores } from './rank.js';
import { sanityBadges } from './sanity-badges.js';
import { familiesFromCells, type FamilyOf } from './family-of.js';
import { homeAdvantage } from './home-advantage.js';
import { aggregationRules, GROUP_RESAMPLES, groupBoards } from './groups.js';
import { LEADERBOARD_SCHEMA, type Leaderboard, type MetricBoard, type MetricEntry, type RunProvenance, type TaskBoard, type HumanSection } from './types.js';
import type { ProtectedEvidence } from './protected/evidence-types.js';

export interface AggregateOptions {
  /** Seed of the bootstrap streams (default 0); recorded in provenance. */
  readonly seed?: number;
  /** Bootstrap resamples per (task, metric), default 2000. */
  readonly resamples?: number;
  /** Timestamp to record (default now); fixed in tests. */
  readonly generatedAt?: string;
  /** Scored survey studies (`aggregate --human`); the section is null without them. */
  readonly human?: HumanSection | null;
  /** Protected-attribute evidence (protected/section.ts, computed from the records and the loaded tasks); null without it. */
  readonly protected?: ProtectedEvidence | null;
  /** Rank home-advantage pairs (a metric that is the explainer's own objective) too; default false. */
  readonly includeHomeAdvantage?: boolean;
  /** Bootstrap resamples of the group aggregates, default min(GROUP_RESAMPLES, resamples). */
  readonly groupResamples?: number;
  /** The comparison group of an explainer; default: its family (family-of.ts). */
  readonly familyOf?: FamilyOf;
}

interface BoardOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly includeHome: boolean;
  readonly familyOf: FamilyOf;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function provenanceOf(runs: readonly RunInfo[]): RunProvenance[] {
  const byId = new Map<string, RunProvenance>();
  for (const r of runs) {
    const p: RunProvenance = {
      id: r.id,
      profile: r.profile,
      seed: r.seed,
      backend: r.backend,
      version: r.version,
      commit: r.commit,
      status: r.status,
    };
    const prev = byId.get(r.id);
    if (prev && JSON.stringify(prev) !== JSON.stringify(p)) {
      throw new UserError(`two different runs share the id ${r.id} (${JSON.stringify(prev)} vs ${JSON.stringify(p)})`);
    }
    byId.set(r.id, p);
  }
  return [...byId.values()].sort((a, b) => byString(a.id, b.id));
}

function metricBoard(task: string, cells: readonly MergedCell[], seed: number, resamples: number, includeHome: boolean): MetricBoard {
  const sorted = [...cells].sort((a, b) => byString(a.explainer, b.explainer));
  const first = sorted[0];
  // The union of sample ids, in a fixed order, so resamples do not depend on record order.
  const ids = [...new Set(sorted.flatMap((c) => [...c.values.keys()]))].sort(byString);
  const aligned = new Map(sorted.map((c) => [c.explainer, ids.map((id) => (c.values.has(id) ? c.values.get(id)! : null))]));
  const boot = pairedBootstrap(aligned, { seed, resamples, stream: bootstrapStreamKey(task, first.metric), confidence: CONFIDENCE });
  const summaries = sorted.map((c) => boot.explainers.get(c.explainer)!);
  const home = sorted.map((c) => homeAdvantage(c.explainer, c.metric));
  // A home-advantage pair is left out of the ranking unless asked for (home-advantage.ts).
  const ranks = competitionRanks(
    summaries.map((s, i) => (home[i] && !includeHome ? null : s.mean)),
    first.direction,
  );
  const hasValues = new Set(sorted.filter((_, i) => summaries[i].n > 0).map((c) => c.explainer));
  const ties = new Map<string, string[]>(sorted.map((c) => [c.explainer, []]));
  for (const p of boot.pairs) {
    // An explainer with no values at all is not "tied": there is nothing to compare.
    if (p.tied && hasValues.has(p.a) && hasValues.has(p.b)) {
      ties.get(p.a)!.push(p.b);
      ties.get(p.b)!.push(p.a);
    }
  }
  const entries: MetricEntry[] = sorted.map((c, i) => ({
    explainer: c.explainer,
    mean: summaries[i].mean,
    ci: summaries[i].ci,
    n: summaries[i].n,
    nulls: [...c.values.values()].filter((v) => v === null).length,
    nullReasons: c.nullReasons,
    rank: ranks[i],
    homeAdvantage: home[i] ? { reason: home[i]!.reason, ranked: includeHome } : null,
    tiedWith: ties.get(c.explainer)!.sort(byString),
    output: c.output,
    explainerParams: c.explainerParams,
    runs: c.runs,
  }));
  return {
    metric: first.metric,
    criterion: first.criterion,
    direction: first.direction,
    params: first.metricParams,
    sampleCount: ids.length,
    ranked: ranks.filter((r) => r !== null).length,
    entries,
  };
}

function taskBoard(task: string, cells: readonly MergedCell[], o: BoardOptions): TaskBoard {
  const byMetric = new Map<string, MergedCell[]>();
  for (const c of cells) byMetric.set(c.metric, [...(byMetric.get(c.metric) ?? []), c]);
  const metrics = [...byMetric.values()]
    .map((group) => metricBoard(task, group, o.seed, o.resamples, o.includeHome))
    .sort((a, b) => CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion) || byString(a.metric, b.metric));
  const explainers = [...new Set(cells.map((c) => c.explainer))].sort(byString);
  return {
    task,
    modelHash: (cells.find((c) => c.modelHash !== 'unknown') ?? cells[0]).modelHash,
    datasetHash: (cells.find((c) => c.datasetHash !== 'unknown') ?? cells[0]).datasetHash,
    explainers,
    metrics,
    criteria: criterionScores(metrics, explainers, o.familyOf),
    sanity: sanityBadges(explainers, metrics, cells),
  };
}

/**
 * The leaderboard of `records` (from one or several runs or shards), with `runs` their run.json
 * descriptions. Every record's run must be among `runs`.
 */
export function aggregate(records: readonly ResultRecord[], runs: readonly RunInfo[], opts: AggregateOptions = {}): Leaderboard {
  const seed = opts.seed ?? 0;
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const provenance = provenanceOf(runs);
  const known = new Set(provenance.map((r) => r.id));
  for (const rec of records) {
    if (!known.has(rec.run)) {
      throw new UserError(`result ${rec.task}/${rec.explainer}/${rec.metric} belongs to run ${rec.run}, which has no run.json among the inputs`);
    }
  }
  // Setting variants (records with `variant`) never enter the boards: only meta.sensitivity reads them.
  const merged = mergeCells(records);
  const byTask = new Map<string, MergedCell[]>();
  for (const c of merged) if (c.variant === null) byTask.set(c.task, [...(byTask.get(c.task) ?? []), c]);
  const includeHome = opts.includeHomeAdvantage ?? false;
  const familyOf = opts.familyOf ?? familiesFromCells(merged);
  const bo: BoardOptions = { seed, resamples, includeHome, familyOf };
  const tasks = [...byTask.keys()].sort(byString).map((t) => taskBoard(t, byTask.get(t)!, bo));
  // As many group replicates as cell resamples, up to GROUP_RESAMPLES (they are shipped in the file).
  const groupResamples = opts.groupResamples ?? Math.min(GROUP_RESAMPLES, resamples);
  const groups = groupBoards(tasks, byTask, { seed, resamples: groupResamples, familyOf });
  const profiles = [...new Set(provenance.map((r) => r.profile))].sort(byString);
  const board: Leaderboard = {
    schema: LEADERBOARD_SCHEMA,
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    profile: profiles.length === 1 ? profiles[0] : null,
    profiles,
    provenance: { runs: provenance, resamples, bootstrapSeed: seed, confidence: CONFIDENCE, method: 'paired-bootstrap-percentile' },
    tasks,
    groups,
    rules: aggregationRules(includeHome, groupResamples),
    human: opts.human ?? null,
    protected: opts.protected ?? null,
    meta: {
      agreement: metricAgreement(tasks),
      reliability: metricReliability(tasks, byTask),
      sensitivity: settingSensitivity(
        tasks,
        merged.filter((c) => c.variant !== null),
      ),
    },
  };
  const errors = validate('leaderboard', board);
  if (errors.length) throw new Error(`aggregate produced an invalid leaderboard: ${errors.join('; ')}`);
  return board;
}
