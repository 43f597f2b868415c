/**
 * Per metric: seconds per scored input, forward and gradient passes per input, and the efficiency
 * ratio (time of those passes as plain batched streams / time of the metric), as for the explainers.
 * Each metric scores the attributions of `gradient` (one gradient pass: the cheapest explainer, so the
 * re-explaining stability and sanity metrics show their own overhead, not the explainer's), with the
 * standard profile's settings (the published leaderboard's). Part of `npm run bench:perf`.
 */
import { UserError } from '../../core/errors.js';
import { explainSamples, fitExplainer } from '../../runner/explain-samples.js';
import { resolveParams } from '../../core/params.js';
import { getProfile } from '../../runner/profiles.js';
import { reExplainer } from '../../runner/re-explainer.js';
import { taskSetup } from '../../runner/run-unit.js';
import { scoreSamples } from '../../runner/score-samples.js';
import type { MetricPerf } from '../../site/builder/performance.js';
import { getExplainer } from '../../explainers/index.js';
import { isAttributionExplainer } from '../../explainers/types.js';
import { metrics } from '../../metrics/index.js';
import { metricScores } from '../../metrics/types.js';
import { passBound, passesOf } from './pass-bound.js';
import { measurePairs, type RepetitionOptions } from './repetitions.js';

/** The row the site's provenance page reads (site/builder/performance.ts). */
export type MetricBenchRow = MetricPerf;

interface MetricBenchOptions extends Partial<RepetitionOptions> {
  readonly tasks?: readonly string[];
  readonly metrics?: readonly string[];
  /** Inputs scored per measured call. */
  readonly n?: number;
}

/** The explainer whose explanations every metric scores. */
const SCORED_EXPLAINER = 'gradient';

export async function benchMetrics(options: MetricBenchOptions = {}): Promise<MetricBenchRow[]> {
  const { tasks = ['mnist-cnn', 'breast-cancer-mlp', 'synth-pattern-cnn'], n = 4 } = options;
  const reps = {
    minReps: options.minReps ?? 3, maxReps: options.maxReps ?? 100_000,
    minSeconds: options.minSeconds ?? 1, warmSeconds: options.warmSeconds ?? 0.5,
  };
  const explainer = getExplainer(SCORED_EXPLAINER);
  if (!isAttributionExplainer(explainer)) throw new Error(`${SCORED_EXPLAINER} is not an attribution explainer`);
  const unknown = options.metrics?.filter((id) => !metrics.some((m) => m.id === id)) ?? [];
  if (unknown.length > 0) throw new UserError(`--metrics: no metric ${unknown.map((id) => `'${id}'`).join(', ')}`);
  const standard = getProfile('standard');
  const eParams = resolveParams(explainer.params, standard.sets[explainer.id] ?? {}, explainer.id);
  const out: MetricBenchRow[] = [];
  for (const taskId of tasks) {
    const s = await taskSetup(taskId, n);
    const { task, engine, batch, targets, sampleIds, data } = s;
    const state = await fitExplainer(explainer, engine, task, 0, eParams, data);
    const samples = await explainSamples({ explainer, params: eParams, state, engine, task, seed: 0, batch, targets, sampleIds, chunk: n });
    for (const metric of metrics) {
      if (options.metrics && !options.metrics.includes(metric.id)) continue;
      if (!metricScores(metric, explainer)) continue;
      if (metric.requires.includes('ground-truth') && !s.groundTruth) continue;
      const mParams = resolveParams(metric.params, standard.sets[metric.id] ?? {}, metric.id);
      // A fresh re-explainer per call: its cache would otherwise serve later repetitions for free.
      const score = () =>
        scoreSamples({
          metric,
          params: mParams,
          engine,
          task,
          seed: 0,
          explainerId: explainer.id,
          output: explainer.output,
          batch,
          samples,
          groundTruth: s.groundTruth,
          groundTruthWeights: s.groundTruthWeights,
          explainer: reExplainer(explainer, eParams, async () => state, engine, task, 0),
          data,
        });
      await score(); // warm-up: kernels compiled, lazily built state made
      // Passes on the task's model only: the engines the re-explainer makes for swapped-in models (MPRT's
      // randomised copies) count their own, so MPRT's bound leaves those out and its ratio is a lower bound.
      const passes = await passesOf(engine, score);
      // Metrics read probabilities from their forward passes; re-explanations take the explainer's gradients.
      const bound = passBound(engine, task.sampleShape, passes, { forward: 'probability', gradient: explainer.output }, metric.id);
      const { fastest, efficiency } = await measurePairs(score, bound, reps);
      out.push({
        task: taskId,
        metric: metric.id,
        criterion: metric.criterion,
        secondsPerInput: fastest / n,
        forwardPasses: passes.forward / n,
        gradientPasses: passes.gradient / n,
        efficiency: bound ? efficiency : null,
      });
      process.stderr.write(`  ${taskId} ${metric.id}: ${((fastest / n) * 1000).toFixed(1)} ms/input${bound ? `, efficiency ${efficiency.toFixed(2)}` : ''}\n`);
    }
  }
  return out;
}
