/**
 * Sanity badges (Adebayo et al. 2018): for every explainer of a task, the verdict of each sanity check
 * (mprt, random-logit), written into the leaderboard so that every reader (the site, the table, a
 * script) shows the same verdict. A check passes when the explanation is no longer similar once what it
 * should depend on changed; the verdict reads the whole 95% interval of the mean similarity against the
 * metric's declared threshold, so a check the data cannot decide says so instead of guessing.
 */
import { SANITY_THRESHOLD } from '../metrics/sanity/sanity-verdict.js';
import type { MergedCell } from './merge.js';
import type { MetricBoard, SanityBadges, SanityCheck } from './types.js';

/** The sanity checks, in the order badges list them. */
const SANITY_CHECKS = ['mprt', 'random-logit'] as const;

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

function check(metric: string, board: MetricBoard | undefined, cell: MergedCell | undefined, explainer: string): SanityCheck {
  const none = { mean: null, ci: null, n: 0, passRate: null, threshold: null, similarity: null };
  if (!board) return { metric, status: 'not-applicable', ...none, reason: `${metric} was not run on this task` };
  const threshold = typeof board.params.threshold === 'number' ? board.params.threshold : SANITY_THRESHOLD;
  const similarity = typeof board.params.similarity === 'string' ? board.params.similarity : null;
  const entry = board.entries.find((e) => e.explainer === explainer);
  if (!entry || !cell) {
    return { metric, status: 'not-applicable', ...none, threshold, similarity, reason: `${metric} has no result for this explainer (the check re-explains attribution explainers only)` };
  }
  const values = [...cell.values.values()].filter((v): v is number => v !== null);
  const passRate = values.length ? values.filter((v) => v < threshold).length / values.length : null;
  const base = { metric, mean: entry.mean, ci: entry.ci, n: entry.n, passRate, threshold, similarity };
  if (entry.mean === null || entry.n === 0) {
    const reasons = Object.keys(entry.nullReasons).sort();
    return { ...base, status: 'not-applicable', reason: reasons.length ? `no value: ${reasons.join('; ')}` : 'no value' };
  }
  if (!entry.ci) return { ...base, status: 'inconclusive', reason: 'a single value has no interval to judge' };
  const [lo, hi] = entry.ci;
  if (hi < threshold) return { ...base, status: 'passed', reason: null };
  if (lo >= threshold) return { ...base, status: 'failed', reason: null };
  return { ...base, status: 'inconclusive', reason: `the 95% interval [${fmt(lo)}, ${fmt(hi)}] contains the threshold ${threshold}` };
}

/** Badges of every explainer of a task, from its metric boards and merged (default-setting) cells. */
export function sanityBadges(explainers: readonly string[], metrics: readonly MetricBoard[], cells: readonly MergedCell[]): SanityBadges[] {
  return explainers.map((explainer) => ({
    explainer,
    checks: SANITY_CHECKS.map((id) =>
      check(
        id,
        metrics.find((m) => m.metric === id),
        cells.find((c) => c.metric === id && c.explainer === explainer),
        explainer,
      ),
    ),
  }));
}
