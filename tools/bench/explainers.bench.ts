/**
 * Per explainer: explanations per second, forward and gradient passes per explanation, and the
 * efficiency ratio = time of the same number of forward and gradient passes run as plain batched
 * streams / time of the explainer. 1.0 means the explainer costs nothing beyond its passes. The two
 * are timed in alternation, several times (tools/bench/repetitions.ts), on the active backend.
 */
import * as tf from '@tensorflow/tfjs';
import { selectSamples } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import { explainSamples, fitExplainer } from '../../runner/explain-samples.js';
import { resolveParams } from '../../core/params.js';
import { getProfile } from '../../runner/profiles.js';
import type { ExplainerPerf } from '../../site/builder/performance.js';
import { loadTask } from '../../datasets/index.js';
import { explainers } from '../../explainers/index.js';
import { isAttributionExplainer } from '../../explainers/types.js';
import { passBound, passesOf } from './pass-bound.js';
import { measurePairs, type RepetitionOptions } from './repetitions.js';

/** The row the site's provenance page reads (site/builder/performance.ts). */
export type ExplainerBenchRow = ExplainerPerf;

interface ExplainerBenchOptions extends Partial<RepetitionOptions> {
  readonly tasks?: readonly string[];
  /** Explainer ids to measure; all attribution explainers when omitted. */
  readonly explainers?: readonly string[];
  /** Explanations per measured call. */
  readonly n?: number;
}

export async function benchExplainers(options: ExplainerBenchOptions = {}): Promise<ExplainerBenchRow[]> {
  // As many per call as the published (standard) run explains per call: per-call costs count as they do there.
  const { tasks = ['mnist-cnn', 'breast-cancer-mlp'], n = getProfile('standard').explainChunk } = options;
  const reps = {
    minReps: options.minReps ?? 5, maxReps: options.maxReps ?? 100_000,
    minSeconds: options.minSeconds ?? 2, warmSeconds: options.warmSeconds ?? 1,
  };
  const unknown = options.explainers?.filter((id) => !explainers.some((e) => e.id === id && isAttributionExplainer(e))) ?? [];
  if (unknown.length > 0) throw new UserError(`--explainers: no attribution explainer ${unknown.map((id) => `'${id}'`).join(', ')}`);
  const out: ExplainerBenchRow[] = [];
  for (const taskId of tasks) {
    const task = await loadTask(taskId);
    const ids = task.sampleIds(n);
    const batch = selectSamples(task.test.x, ids.map((id) => task.sampleIndex(id)));
    for (const explainer of explainers.filter(isAttributionExplainer)) {
      if (options.explainers && !options.explainers.includes(explainer.id)) continue;
      if (explainer.kinds && !explainer.kinds.includes(task.kind)) continue;
      const engine = new Engine(task.model);
      const params = resolveParams(explainer.params, {}, explainer.id);
      const state = await fitExplainer(explainer, engine, task, 0, params, { train: task.train, test: task.test });
      const targets = new Int32Array(n);
      // Warm up once (kernel compilation, caches), then measure.
      await explainSamples({ explainer, params, state, engine, task, seed: 0, batch: selectSamples(batch, [0]), targets: targets.slice(0, 1), sampleIds: ['warm'], chunk: 1 });
      const explain = () => explainSamples({ explainer, params, state, engine, task, seed: 0, batch, targets, sampleIds: ids, chunk: n });
      const passes = await passesOf(engine, explain);
      // The bound: the same passes, of the output the explainer reads.
      const bound = passBound(engine, task.sampleShape, passes, { forward: explainer.output, gradient: explainer.output }, explainer.id);
      const { fastest, efficiency } = await measurePairs(explain, bound, reps);
      out.push({
        backend: tf.getBackend(),
        task: taskId,
        explainer: explainer.id,
        explanationsPerSecond: n / fastest,
        forwardPasses: passes.forward / n,
        gradientPasses: passes.gradient / n,
        efficiency: bound ? efficiency : null,
      });
      process.stderr.write(`  ${tf.getBackend()} ${taskId} ${explainer.id}: ${(n / fastest).toFixed(2)}/s, ${bound ? `efficiency ${efficiency.toFixed(2)}` : 'no passes'}\n`);
    }
  }
  return out;
}
