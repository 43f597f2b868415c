/**
 * The ReExplainer handed to metrics that re-run the explainer under test (stability, sanity). Random
 * streams are keyed like the original explanation's plus a salt, so re-runs are seeded, distinct from
 * one another, and independent of evaluation order.
 */
import type { Batch } from '../core/batch.js';
import { Engine } from '../core/engine.js';
import { explainContext, fitExplainer } from './explain-samples.js';
import type { Model } from '../core/model.js';
import type { AnyParamValues } from '../core/params.js';
import { ReExplanationCache } from './re-explanation-cache.js';
import { explainStream } from '../core/streams.js';
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
  // Only re-explanations of the task's own model are cached: swapped-in models are one metric's own.
  const cache = new ReExplanationCache();
  return {
    id: explainer.id,
    deterministic: explainer.deterministic,
    output: explainer.output,
    async explain(batch: Batch, targets: Int32Array, sampleIds: readonly string[], opts = {}) {
      const model = opts.model ?? engine.model;
      if (model === engine.model) return cached(batch, targets, sampleIds, opts.salt ?? '', (b, t, ids) => run(b, t, ids, opts));
      return run(batch, targets, sampleIds, opts);
    },
  };

  async function cached(batch: Batch, targets: Int32Array, sampleIds: readonly string[], salt: string,
    compute: (b: Batch, t: Int32Array, ids: readonly string[]) => Promise<Float32Array>): Promise<Float32Array> {
    const d = batch.n > 0 ? batch.data.length / batch.n : 0;
    const out = new Float32Array(batch.data.length);
    const keys = sampleIds.map((id, i) => cache.key(salt, id, targets[i], batch.data.subarray(i * d, (i + 1) * d)));
    const todo: number[] = [];
    keys.forEach((k, i) => {
      const hit = cache.get(k);
      if (hit) out.set(hit, i * d);
      else todo.push(i);
    });
    if (todo.length === 0) return out;
    const rows = new Float32Array(todo.length * d);
    todo.forEach((i, r) => rows.set(batch.data.subarray(i * d, (i + 1) * d), r * d));
    const todoBatch = { n: todo.length, sampleShape: batch.sampleShape, data: rows };
    const fresh = await compute(todoBatch, Int32Array.from(todo, (i) => targets[i]), todo.map((i) => sampleIds[i]));
    if (fresh.length !== rows.length) return fresh; // the caller's shape check reports it
    todo.forEach((i, r) => {
      const a = fresh.subarray(r * d, (r + 1) * d);
      out.set(a, i * d);
      cache.set(keys[i], a);
    });
    return out;
  }

  async function run(
    batch: Batch,
    targets: Int32Array,
    sampleIds: readonly string[],
    opts: { readonly model?: Model; readonly salt?: string },
  ): Promise<Float32Array> {
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
    const ctx = salt === '' ? base : { ...base, rng: (sampleId: string, purpose: string) => explainStream(seed, task.id, explainer.id, sampleId, purpose, salt) };
    const result = await explainer.explain({ ctx, batch, targets, sampleIds, params, state: await st });
    if (eng !== engine) {
      // Passes on another model's engine are still this cell's cost.
      const p = eng.passes();
      engine.count(p);
      eng.count({ forwardPasses: -p.forwardPasses, gradientPasses: -p.gradientPasses });
    }
    return result.attributions;
  }
}
