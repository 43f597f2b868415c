/**
 * Per explainer: explanations per second, forward and gradient passes per explanation, and the
 * efficiency ratio = time of the same number of forward and gradient passes run as plain batched
 * streams / time of the explainer. 1.0 means the explainer costs nothing beyond its passes.
 */
import { makeBatch, selectSamples } from '../harness/batch.js';
import { Engine } from '../harness/engine.js';
import { explainSamples, fitExplainer } from '../harness/explain-samples.js';
import { resolveParams } from '../harness/params.js';
import { rngFor } from '../harness/rng.js';
import { loadTask } from '../datasets/index.js';
import { explainers } from '../explainers/index.js';
import { isAttributionExplainer } from '../explainers/types.js';

export interface ExplainerBenchRow {
  readonly task: string;
  readonly explainer: string;
  readonly explanationsPerSecond: number;
  readonly forwardPasses: number;
  readonly gradientPasses: number;
  readonly efficiency: number;
}

function timeIt(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

export async function benchExplainers(tasks = ['mnist-cnn', 'breast-cancer-mlp'], n = 4): Promise<ExplainerBenchRow[]> {
  const out: ExplainerBenchRow[] = [];
  for (const taskId of tasks) {
    const task = await loadTask(taskId);
    const batch = selectSamples(task.test.x, task.sampleIds(n).map((id) => task.sampleIndex(id)));
    for (const explainer of explainers.filter(isAttributionExplainer)) {
      if (explainer.kinds && !explainer.kinds.includes(task.kind)) continue;
      const engine = new Engine(task.model);
      const params = resolveParams(explainer.params, {}, explainer.id);
      const state = await fitExplainer(explainer, engine, task, 0, params, { train: task.train, test: task.test });
      const targets = new Int32Array(n);
      // Warm up once (kernel compilation, caches), then measure.
      await explainSamples({ explainer, params, state, engine, task, seed: 0, batch: selectSamples(batch, [0]), targets: targets.slice(0, 1), sampleIds: ['warm'], chunk: 1 });
      const before = engine.passes();
      const t0 = performance.now();
      await explainSamples({ explainer, params, state, engine, task, seed: 0, batch, targets, sampleIds: task.sampleIds(n), chunk: n });
      const seconds = (performance.now() - t0) / 1000;
      const after = engine.passes();
      const fwd = after.forwardPasses - before.forwardPasses;
      const grad = after.gradientPasses - before.gradientPasses;
      // The bound: the same passes as plain batched streams of random inputs.
      const d = task.sampleShape.reduce((a, b) => a * b, 1);
      const rng = rngFor(0, 'bench-bound');
      const rows = (k: number) => makeBatch(Float32Array.from({ length: Math.max(1, k) * d }, () => rng.next()), task.sampleShape);
      const fb = fwd > 0 ? rows(fwd) : null;
      const gb = grad > 0 ? rows(grad) : null;
      const bound = (fb ? timeIt(() => engine.outputs(fb, 'logit')) : 0) + (gb ? timeIt(() => engine.gradients(gb, new Int32Array(gb.n), 'logit')) : 0);
      out.push({
        task: taskId,
        explainer: explainer.id,
        explanationsPerSecond: n / seconds,
        forwardPasses: fwd / n,
        gradientPasses: grad / n,
        efficiency: bound / seconds,
      });
      process.stderr.write(`  ${taskId} ${explainer.id}: ${(n / seconds).toFixed(2)}/s, efficiency ${(bound / seconds).toFixed(2)}\n`);
    }
  }
  return out;
}
