/**
 * Agreement between the metrics of one criterion: per task, the rank correlation between each pair of
 * the criterion's ranked metrics (those its score combines) over the explainers both rank. Each metric's
 * means are oriented by its direction first, so +1 means the two metrics order the explainers the same
 * way from better to worse, whatever their scales and directions.
 */
import { spearman } from '../numeric/rank-correlation.js';
import { kendallTauB } from '../numeric/kendall-tau.js';
import { CRITERIA } from './rank.js';
import type { CriterionAgreement, MetricBoard, MetricPairAgreement, TaskBoard } from './types.js';

/** Fewer explainers than this say little about an ordering (two can only agree or swap). */
export const MIN_EXPLAINERS = 3;

/** The explainer means of a ranked metric, oriented so that higher is better. */
export function orientedMeans(board: MetricBoard): Map<string, number> {
  const sign = board.direction === 'lower' ? -1 : 1;
  const out = new Map<string, number>();
  for (const e of board.entries) if (e.mean !== null) out.set(e.explainer, sign * e.mean);
  return out;
}

/** Rank correlations of two oriented rankings over the explainers both have; a reason when undefined. */
function rankAgreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) {
  const shared = [...a.keys()].filter((e) => b.has(e)).sort();
  const x = shared.map((e) => a.get(e)!);
  const y = shared.map((e) => b.get(e)!);
  if (shared.length < MIN_EXPLAINERS) {
    return { explainers: shared.length, spearmanRho: null, kendallTauB: null, reason: `only ${shared.length} explainers have a mean on both (at least ${MIN_EXPLAINERS} needed)` };
  }
  const rho = spearman(x, y);
  const tau = kendallTauB(x, y);
  const constant = new Set(x).size === 1 ? 'the first' : new Set(y).size === 1 ? 'the second' : null;
  return {
    explainers: shared.length,
    spearmanRho: rho,
    kendallTauB: tau,
    reason: rho === null || tau === null ? `${constant ?? 'one'} ranking is all ties (every explainer has the same mean)` : null,
  };
}

const meanOf = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

export function metricAgreement(tasks: readonly TaskBoard[]): { pairs: MetricPairAgreement[]; byCriterion: CriterionAgreement[] } {
  const pairs: MetricPairAgreement[] = [];
  for (const t of tasks) {
    for (const c of t.criteria) {
      const boards = c.metrics.map((id) => t.metrics.find((m) => m.metric === id)!);
      for (let i = 0; i < boards.length; i++) {
        for (let j = i + 1; j < boards.length; j++) {
          const r = rankAgreement(orientedMeans(boards[i]), orientedMeans(boards[j]));
          pairs.push({ task: t.task, criterion: c.criterion, metricA: boards[i].metric, metricB: boards[j].metric, ...r });
        }
      }
    }
  }
  const byCriterion: CriterionAgreement[] = [];
  for (const criterion of CRITERIA) {
    const mine = pairs.filter((p) => p.criterion === criterion);
    if (mine.length === 0) continue;
    const perTask = (field: 'spearmanRho' | 'kendallTauB') =>
      [...new Set(mine.map((p) => p.task))]
        .map((task) => meanOf(mine.filter((p) => p.task === task && p[field] !== null).map((p) => p[field]!)))
        .filter((x): x is number => x !== null);
    const rho = perTask('spearmanRho');
    const tau = perTask('kendallTauB');
    const defined = mine.filter((p) => p.kendallTauB !== null);
    byCriterion.push({
      criterion,
      tasks: new Set(defined.map((p) => p.task)).size,
      pairs: defined.length,
      meanSpearmanRho: meanOf(rho),
      meanKendallTauB: meanOf(tau),
    });
  }
  return { pairs, byCriterion };
}
