/**
 * How a functional test asks one explainer for an explanation: a fresh engine on the test's model, the
 * explainer's declared (peer) default parameters, its fit on the test task, one input, one seeded
 * stream (runner/explain-samples.ts, as a run explains). A refusal (UserError: a model or task the
 * explainer does not handle) makes the test not applicable, not failed.
 */
import { makeBatch } from '../../core/batch.js';
import { Engine } from '../../core/engine.js';
import { isUserError } from '../../core/errors.js';
import type { Model, OutputKind } from '../../core/model.js';
import { resolveParams } from '../../core/params.js';
import type { TaskView } from '../../datasets/task.js';
import type { Property } from '../../explainers/properties.js';
import type { AttributionExplainer } from '../../explainers/types.js';
import { explainContext, fitExplainer } from '../../runner/explain-samples.js';

interface Explained {
  readonly attributions: Float32Array;
  /** The output at the explainer's reference point: its own, or f(task baseline). */
  readonly reference: number;
  /** The explained output at x. */
  readonly value: number;
}

/** An explainer could not explain the test's model (the reason is the refusal's message). */
export class NotApplicable extends Error {}

export interface Probe {
  readonly id: string;
  readonly output: OutputKind;
  claims(p: Property): boolean;
  explain(model: Model, task: TaskView, x: readonly number[], target: number, seed?: number): Promise<Explained>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any attribution explainer, of any parameters and state
export function probeOf(e: AttributionExplainer<any, any>): Probe {
  return {
    id: e.id,
    output: e.output,
    claims: (p) => (e.properties ?? []).includes(p),
    async explain(model, task, x, target, seed = 1) {
      if (e.kinds && !e.kinds.includes(task.kind)) throw new NotApplicable(`explains ${e.kinds.join('/')} tasks only; the catalogue's models are tabular`);
      if (e.needs.includes('conv-layers')) throw new NotApplicable("needs a convolutional layer; the catalogue's models are Dense chains");
      const engine = new Engine(model);
      const batch = makeBatch(Float32Array.from(x), [x.length]);
      const targets = Int32Array.of(target);
      try {
        const params = resolveParams(e.params, {}, e.id);
        const state = await fitExplainer(e, engine, task, seed, params);
        const ctx = explainContext(engine, task, seed, e.id);
        const r = await e.explain({ ctx, batch, targets, sampleIds: ['axiom'], params, state });
        const value = engine.targetOutputs(batch, targets, e.output)[0];
        const baseline = makeBatch(Float32Array.from(task.baseline), [x.length]);
        const reference = r.reference ? r.reference[0] : engine.targetOutputs(baseline, targets, e.output)[0];
        return { attributions: Float32Array.from(r.attributions), reference, value };
      } catch (err) {
        if (isUserError(err)) throw new NotApplicable((err as Error).message);
        throw err;
      }
    },
  };
}
