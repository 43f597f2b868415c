/**
 * Runs one explainer over a set of samples in chunks, measuring what each chunk cost (wall time and
 * the engine's pass counters, amortised over the chunk's samples), and hands back per-sample results
 * as they complete so the run can persist them one line at a time.
 */
import type { Batch } from '../core/batch.js';
import type { Engine } from '../core/engine.js';
import { type AnySample, type ExplainedSample, splitResult, splitStructured } from './explanation-record.js';
import type { AnyParamValues } from '../core/params.js';
import { explainStream, fitStream } from '../core/streams.js';
import type { TaskView } from '../datasets/task.js';
import type { AttributionResult, Bilingual, ExplainContext, Explainer, StructuredResult, TaskData } from '../explainers/types.js';
import { refuseOnScore } from './score-model.js';

export function explainContext(engine: Engine, task: TaskView, seed: number, explainerId: string): ExplainContext {
  return { engine, task, rng: (sampleId, purpose) => explainStream(seed, task.id, explainerId, sampleId, purpose) };
}

/** Fits the explainer's global state once (rule sets, background statistics...), if it has any. */
export async function fitExplainer(
  explainer: Explainer,
  engine: Engine,
  task: TaskView,
  seed: number,
  params: AnyParamValues,
  data?: TaskData,
): Promise<unknown> {
  refuseOnScore(explainer, engine);
  if (!explainer.fit) return undefined;
  const rng = (purpose: string) => fitStream(seed, task.id, explainer.id, purpose);
  return explainer.fit({ engine, task, rng, ...(data ? { data } : {}) }, params);
}

export interface ExplainSamplesOptions {
  readonly explainer: Explainer;
  readonly params: AnyParamValues;
  readonly state: unknown;
  readonly engine: Engine;
  readonly task: TaskView;
  readonly seed: number;
  readonly batch: Batch;
  readonly targets: Int32Array;
  readonly sampleIds: readonly string[];
  readonly chunk: number;
  /** Natural-language rendering of each explanation (English and Korean), where the family renders one. */
  readonly text?: (sample: ExplainedSample, input: Float32Array) => Bilingual | undefined;
  /** Called after each chunk with its explained samples (in order). */
  readonly onChunk?: (samples: AnySample[]) => void;
}

/**
 * Attribution samples get their text from `o.text` (the family's renderer); the structured families
 * render their own text, since only they know what a rule or a concept path says.
 */
export async function explainSamples(o: ExplainSamplesOptions): Promise<AnySample[]> {
  refuseOnScore(o.explainer, o.engine);
  const ctx = explainContext(o.engine, o.task, o.seed, o.explainer.id);
  const out: AnySample[] = [];
  const d = o.batch.data.length / Math.max(1, o.batch.n);
  for (let start = 0; start < o.batch.n; start += o.chunk) {
    const m = Math.min(o.chunk, o.batch.n - start);
    // The explainer gets its own copy of its inputs (it may not change the caller's), in one slice.
    const sub: Batch = { n: m, sampleShape: o.batch.sampleShape, data: o.batch.data.slice(start * d, (start + m) * d) };
    const targets = o.targets.slice(start, start + m);
    const ids = o.sampleIds.slice(start, start + m);
    const before = o.engine.passes();
    const t0 = performance.now();
    const result = await o.explainer.explain({ ctx, batch: sub, targets, sampleIds: ids, params: o.params, state: o.state });
    const seconds = (performance.now() - t0) / 1000;
    const after = o.engine.passes();
    // Pass counts are whole numbers in the record (schema); explainers whose samples cost different
    // numbers of passes (searches that stop early) get the chunk's mean rounded to the nearest pass.
    const cost = {
      seconds: seconds / m,
      forwardPasses: Math.round((after.forwardPasses - before.forwardPasses) / m),
      gradientPasses: Math.round((after.gradientPasses - before.gradientPasses) / m),
    };
    let samples: AnySample[];
    if (o.explainer.family === 'attribution') {
      let attributed = splitResult(result as AttributionResult, sub, targets, ids, cost);
      for (const s of attributed) {
        const a = s.attribution;
        for (let k = 0; k < a.length; k++) {
          if (!Number.isFinite(a[k])) throw new Error(`explainer ${o.explainer.id} returned a non-finite attribution for ${s.sampleId}`);
        }
      }
      if (o.text) {
        const text = o.text;
        attributed = attributed.map((s, k) => {
          const said = text(s, o.batch.data.subarray((start + k) * d, (start + k + 1) * d));
          return said ? { ...s, text: said } : s;
        });
      }
      samples = attributed;
    } else {
      samples = splitStructured(o.explainer.family, result as StructuredResult<unknown, unknown>, targets, ids, cost);
    }
    o.onChunk?.(samples);
    out.push(...samples);
  }
  return out;
}
