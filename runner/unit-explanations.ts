/**
 * A unit's explanations: the lines already on disk under the same parameters are reused, the missing
 * samples are explained in chunks, and every chunk goes to the sink with its pictures as it finishes.
 */
import { sampleOf, selectSamples } from '../core/batch.js';
import { UserError } from '../core/errors.js';
import { isPlugin } from '../explainers/index.js';
import { explainSamples, type ExplainSamplesOptions } from './explain-samples.js';
import { type AnySample, explanationContent, recordOf, samplesOf } from './explanation-record.js';
import { checkPluginBehaviour } from './plugin-behaviour.js';
import { renderPictures, renderText, type RenderView } from './renderers/index.js';
import { type Artifact, artifactPath } from './unit.js';
import type { UnitRun } from './unit-run.js';

/** A sample to explain: its id and its position among the unit's samples. */
interface Row {
  readonly id: string;
  readonly i: number;
}

/** Every sample of the unit explained, in the task's sample order. */
export async function unitSamples(u: UnitRun): Promise<AnySample[]> {
  const have = reusedSamples(u);
  const missing = u.setup.sampleIds.map((id, i) => ({ id, i })).filter(({ id }) => !have.has(id));
  if (missing.length > 0 && isPlugin(u.explainer.id)) {
    // What the plugin check compares: one sample explained twice, not persisted.
    await checkPluginBehaviour(u.explainer.id, async () => (await explainRows(u, missing.slice(0, 1))).map(explanationContent));
  }
  if (missing.length > 0) {
    u.sink.step(`${u.setup.task.id} · ${u.explainer.id} · explaining ${missing.length} inputs`);
    const view: RenderView = { task: u.setup.task, output: u.explainer.output };
    const made = await explainRows(u, missing, {
      text: (x, input) => renderText(x, input, view),
      onChunk: (chunk) => persistChunk(u, chunk, view),
    });
    for (const x of made) have.set(x.sampleId, x);
  }
  return u.setup.sampleIds.map((id, i) => {
    const x = have.get(id)!;
    const target = u.setup.targets[i];
    if (x.target !== target) {
      throw new UserError(
        `${u.ctx.where}: sample ${id} was explained for class ${x.target}, ` +
          `the model now predicts ${target} (model changed?); rerun without --resume`,
      );
    }
    return x;
  });
}

/** The samples of the lines on disk that were explained under the unit's parameters. */
function reusedSamples(u: UnitRun): Map<string, AnySample> {
  const have = new Map<string, AnySample>();
  for (const line of u.ctx.existing) {
    if (JSON.stringify(line.params) !== JSON.stringify(u.params)) continue;
    for (const x of samplesOf(line, u.ctx.where)) have.set(x.sampleId, x);
  }
  return have;
}

/** Explains some of the unit's samples (by position); extra options add text and persistence. */
async function explainRows(u: UnitRun, rows: readonly Row[], extra: Partial<ExplainSamplesOptions> = {}): Promise<AnySample[]> {
  const { task, engine, batch, targets } = u.setup;
  return explainSamples({
    explainer: u.explainer,
    params: u.params,
    state: await u.state(),
    engine,
    task,
    seed: u.ctx.seed,
    batch: selectSamples(batch, rows.map((m) => m.i)),
    targets: Int32Array.from(rows.map((m) => targets[m.i])),
    sampleIds: rows.map((m) => m.id),
    chunk: u.ctx.explainChunk,
    ...extra,
  });
}

/** One chunk's lines and pictures to the sink (one line per sample). */
function persistChunk(u: UnitRun, chunk: readonly AnySample[], view: RenderView): void {
  const { task, batch, sampleIds } = u.setup;
  const artifacts: Artifact[] = [];
  for (const x of chunk) {
    const input = sampleOf(batch, sampleIds.indexOf(x.sampleId));
    for (const pic of renderPictures(x, input, view)) {
      artifacts.push({ path: artifactPath(task.id, u.explainer.id, `${x.sampleId}${pic.suffix}`), data: pic.data });
    }
  }
  const lines = chunk.map((x) => recordOf(u.explainer.id, u.params, u.explainer.output, task.sampleShape, [x]));
  u.sink.explanations(task.id, u.explainer.id, lines, artifacts);
}
