/**
 * The ReExplainer handed to metrics that re-run the explainer under test (stability, sanity). Random
 * streams are keyed like the original explanation's plus a salt, so re-runs are seeded, distinct from
 * one another, and independent of evaluation order.
 */
import type { Batch } from './batch.js';
import { Engine } from './engine.js';
import { explainContext, fitExplainer } from './explain-samples.js';
import type { Model } from './model.js';
import type { AnyParamValues } from './params.js';
import { rngFor } from './rng.js';
import type { TaskView } from '../datasets/task.js';
import type { AttributionExplainer } from '../explainers/types.js';
import type { ReExplainer } from '../metrics/types.js';

/** `fitted` gives the explainer's state for the task's own model (fitted once, lazily, by the caller). */
export function reExplainer(explainer: AttributionExplainer<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
   params: AnyParamValues, fitted: () => Promise<unknown>, engine: Engine, task: TaskView, seed: number): ReExplainer {
  // Weak maps: swapped-in models (e.g. MPRT's randomised copies) are disposed by their owner and must
  // not be kept alive here.
  const states = new WeakMap<Model, Promise<unknown>>();
  const engines = new WeakMap<Model, Engine>([[engine.model, engine]]);
  return {
    id: explainer.id,
    deterministic: explainer.deterministic,
    output: explainer.output,
    async explain(batch: Batch, targets: Int32Array, sampleIds: readonly string[], opts = {}) {
      const model = opts.model ?? engine.model;
      let eng = engines.get(model);
      if (!eng) {
        eng = new Engine(model, engine.batchSize);
        engines.set(model, eng);
      }
      let st = model === engine.model ? fitted() : states.get(model);
      if (!st) {
        // Global state (e.g. rule sets) belongs to a model: a swapped-in model gets its own fit.
        st = fitExplainer(explainer, eng, task, seed, params);
        states.set(model, st);
      }
      const salt = opts.salt ?? '';
      const base = explainContext(eng, task, seed, explainer.id);
      const ctx = salt === '' ? base : { ...base, rng: (sampleId: string, purpose: string) => rngFor(seed, task.id, explainer.id, 'explain', sampleId, purpose, salt) };
      const result = await explainer.explain(ctx, batch, targets, sampleIds, params, await st);
      if (eng !== engine) {
        // Passes on another model's engine are still this cell's cost.
        const p = eng.passes();
        engine.count(p);
        eng.count({ forwardPasses: -p.forwardPasses, gradientPasses: -p.gradientPasses });
      }
      return result.attributions;
    },
  };
}
